//! Loading the dataset over HTTP and checking its schema version.

use nienbieu_model::{Dataset, DatasetError};
use std::sync::Arc;

/// Where the app finds its dataset, relative to the page so that any sub-path works.
pub const DATASET_URL: &str = "data/dataset.json";

/// Why the dataset could not be loaded.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The request failed (offline, blocked).
    Network(String),
    /// The server answered with an error status (404 when the dataset was never built).
    Http(u16),
    /// The file arrived but is corrupt or of another schema version.
    Format(DatasetError),
}

/// Fetches and decodes the dataset.
pub async fn load_dataset() -> Result<Arc<Dataset>, LoadError> {
    let response = gloo::net::http::Request::get(DATASET_URL)
        .send()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))?;
    if !response.ok() {
        return Err(LoadError::Http(response.status()));
    }
    let text = response
        .text()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))?;
    Dataset::decode(&text)
        .map(Arc::new)
        .map_err(LoadError::Format)
}
