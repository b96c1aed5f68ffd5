//! `peerscope-site <dist> [--seeds <dir>]`: after `trunk build`, writes what a plain static
//! file server needs for deep links: a copy of `index.html` at every route of the corpus
//! (`p/<id>/index.html`, `w/<id>/index.html`, `graph/index.html`) and `404.html` as the fallback
//! for any other address.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dist, seeds) = match parse_args(&args) {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("error: {message}\nusage: peerscope-site <dist> [--seeds <dir>]");
            return ExitCode::from(2);
        }
    };
    let compiled = match corpus::compile_dir(&seeds) {
        Ok(compiled) => compiled,
        Err(errors) => {
            errors.iter().for_each(|e| eprintln!("{e}"));
            return ExitCode::FAILURE;
        }
    };
    match write_routes(&dist, &compiled.corpus) {
        Ok(count) => {
            println!("wrote {count} route pages and 404.html into {}", dist.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {}: {e}", dist.display());
            ExitCode::FAILURE
        }
    }
}

fn parse_args(args: &[String]) -> Result<(PathBuf, PathBuf), String> {
    let mut dist = None;
    let mut seeds = PathBuf::from("seeds");
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--seeds" => seeds = it.next().ok_or("--seeds needs a folder")?.into(),
            other if dist.is_none() && !other.starts_with('-') => dist = Some(PathBuf::from(other)),
            other => return Err(format!("unexpected argument `{other}`")),
        }
    }
    Ok((dist.ok_or("the dist folder is missing")?, seeds))
}

/// Every route path of the corpus, relative to the site root, without leading slash.
fn routes(corpus: &corpus::Corpus) -> Vec<String> {
    let people = corpus.people.iter().map(|p| format!("p/{}", p.id));
    let works = corpus.works.iter().map(|w| format!("w/{}", w.id));
    people.chain(works).chain(["graph".to_string()]).collect()
}

fn write_routes(dist: &Path, corpus: &corpus::Corpus) -> std::io::Result<usize> {
    let index = std::fs::read(dist.join("index.html"))?;
    let routes = routes(corpus);
    for route in &routes {
        let dir = dist.join(route);
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join("index.html"), &index)?;
    }
    std::fs::write(dist.join("404.html"), &index)?;
    Ok(routes.len())
}
