//! A collaborator graph on screen: `model` is what it draws and the pure logic behind it
//! (fit, zoom, labels, hover, hit-testing, with native tests), `view` the component that draws
//! it as SVG (a profile's ego graph) or on a canvas (the whole network), `canvas` the painting.
//! The parts depend one way: view → canvas → model.

mod canvas;
mod model;
mod view;

pub use self::model::{GraphModel, ViewLink, ViewNode};
pub use view::GraphView;
