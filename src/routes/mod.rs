//! One file per page.

mod graph;
mod home;
mod not_found;
mod people;
mod profile;
mod sources;
mod work;

pub use graph::NetworkPage;
pub use home::Home;
pub use not_found::NotFound;
pub use people::People;
pub use profile::Profile;
pub use sources::SourcesPage;
pub use work::WorkPage;
