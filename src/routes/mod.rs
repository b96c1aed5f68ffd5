//! One file per page.

mod home;
mod not_found;
mod profile;
mod work;

pub use home::Home;
pub use not_found::NotFound;
pub use profile::Profile;
pub use work::WorkPage;
