//! Share images drawn by an earlier build, kept by the content hash of their SVG (and of
//! `raster::ENCODING`), so a build
//! draws only the cards whose content changed (a seed edited touches a few pages, not all).
//!
//! The cache lives in `target/share-cache/<site>/` (or under `$PEERSCOPE_CACHE`), one folder per
//! site folder built; after a build it holds exactly that build's images, so it never grows past
//! one site's worth.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use crate::bundle::content_hash;

pub struct ImageCache {
    dir: PathBuf,
    used: Mutex<BTreeSet<String>>,
    hits: AtomicUsize,
}

impl ImageCache {
    /// The cache in `dir`, created if missing.
    pub fn open(dir: &Path) -> Result<ImageCache, String> {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        Ok(ImageCache {
            dir: dir.to_path_buf(),
            used: Mutex::new(BTreeSet::new()),
            hits: AtomicUsize::new(0),
        })
    }

    /// The PNG of `svg`: from the cache, or drawn by `draw` and kept.
    pub fn png(
        &self,
        svg: &str,
        draw: impl FnOnce() -> Result<Vec<u8>, String>,
    ) -> Result<Vec<u8>, String> {
        // Keyed by how images are written too, so a new encoding draws every image again.
        let keyed = [crate::raster::ENCODING.as_bytes(), svg.as_bytes()].concat();
        let name = format!("{}.png", content_hash(&keyed));
        let file = self.dir.join(&name);
        self.used.lock().expect("never poisoned").insert(name);
        if let Ok(png) = std::fs::read(&file) {
            self.hits.fetch_add(1, Ordering::Relaxed);
            return Ok(png);
        }
        let png = draw()?;
        // A cache that cannot be written only costs the next build time.
        let _ = std::fs::write(&file, &png);
        Ok(png)
    }

    /// How many images came from the cache.
    pub fn hits(&self) -> usize {
        self.hits.load(Ordering::Relaxed)
    }

    /// Removes the images this build did not use.
    pub fn prune(&self) {
        let used = self.used.lock().expect("never poisoned");
        for entry in std::fs::read_dir(&self.dir).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".png") && !used.contains(&name) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_image_is_drawn_once_and_unused_ones_are_pruned() {
        let dir = std::env::temp_dir().join(format!("peerscope-cache-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let cache = ImageCache::open(&dir).unwrap();
        let mut drawn = 0;
        let mut draw = |bytes: &[u8]| {
            drawn += 1;
            Ok::<_, String>(bytes.to_vec())
        };
        assert_eq!(cache.png("<svg>a</svg>", || draw(b"A")).unwrap(), b"A");
        assert_eq!(cache.png("<svg>b</svg>", || draw(b"B")).unwrap(), b"B");
        let again = ImageCache::open(&dir).unwrap();
        assert_eq!(
            again.png("<svg>a</svg>", || draw(b"X")).unwrap(),
            b"A",
            "from the cache"
        );
        assert_eq!((drawn, again.hits()), (2, 1));
        again.prune();
        assert_eq!(
            std::fs::read_dir(&dir).unwrap().count(),
            1,
            "b's image is gone"
        );
    }
}
