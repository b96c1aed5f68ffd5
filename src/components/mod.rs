//! Pieces shared by several pages, one file each.

mod collaboration;
mod copy_button;
mod figures;
pub mod graph;
pub mod html;
mod page_link;
mod pager;
mod paper_card;
mod paper_list;
mod records;
mod rich_text;
mod source_link;
mod year_chart;

pub use collaboration::Collaboration;
pub use copy_button::CopyButton;
pub use figures::{format_label, StatedFigures};
pub use page_link::{open_page, prefetch, prefetch_on_intent, PageLink};
pub use pager::Pager;
pub use paper_card::author_links;
pub use paper_list::PaperList;
pub use records::Records;
pub use rich_text::rich_text;
pub use source_link::{source_lines, source_path, SourceLink};
pub use year_chart::YearChart;
