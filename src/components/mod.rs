//! The app's view components; each takes plain model data and renders it.

mod article_list;
mod load_error;
mod timeline;

pub use article_list::ArticleList;
pub use load_error::LoadErrorPanel;
pub use timeline::Timeline;
