//! The app's view components; domain logic lives in `nienbieu-model`, components only call it.

mod chips;
mod empty;
mod facets;
pub mod from_module;
mod load_error;
mod marked;
mod offline;
mod reader;
mod results;
mod search_bar;
mod timeline;

pub use chips::ActiveFilters;
pub use facets::FacetPanel;
pub use load_error::LoadErrorPanel;
pub use offline::OfflineStatus;
pub use reader::Reader;
pub use results::ResultList;
pub use search_bar::SearchBar;
pub use timeline::Timeline;
