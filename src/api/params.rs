//! Query strings and bodies as dockerd reads them: repeated keys (`names=a&names=b`),
//! booleans spelled `1`/`true`/`True`, `filters` as JSON, request bodies as JSON whose
//! mistakes are a 400 with the parser's words.

use axum::http::Uri;
use serde::de::DeserializeOwned;

use super::ApiError;
use crate::filter::{FilterError, Filterable, Filters};

/// The decoded `key=value` pairs of a request's query, in order.
pub struct Query(Vec<(String, String)>);

impl Query {
    pub fn of(uri: &Uri) -> Query {
        Query(
            form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }

    /// The last value of `key`, if given and not empty.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(k, v)| k == key && !v.is_empty())
            .map(|(_, v)| v.as_str())
    }

    pub fn all(&self, key: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// Go's strconv.ParseBool, as dockerd reads flags; absent is false.
    pub fn flag(&self, key: &str) -> Result<bool, ApiError> {
        match self.get(key) {
            None => Ok(false),
            Some("1" | "t" | "T" | "true" | "TRUE" | "True") => Ok(true),
            Some("0" | "f" | "F" | "false" | "FALSE" | "False") => Ok(false),
            Some(v) => Err(ApiError::bad_request(format!(
                "invalid value for {key}: {v:?} is not a boolean"
            ))),
        }
    }

    /// The `filters` parameter, unchecked (the caller takes out what it handles itself).
    pub fn raw_filters(&self) -> Result<Filters, ApiError> {
        Filters::from_json(self.get("filters").unwrap_or("")).map_err(bad_filter)
    }

    /// The `filters` parameter, checked against what `T` accepts.
    pub fn filters<T: Filterable>(&self) -> Result<Filters, ApiError> {
        self.raw_filters()?.checked::<T>().map_err(bad_filter)
    }
}

pub fn bad_filter(e: FilterError) -> ApiError {
    ApiError::bad_request(e.to_string())
}

/// A JSON request body; an empty one is `T::default()` (clients may send none).
pub fn json_body<T: DeserializeOwned + Default>(body: &[u8]) -> Result<T, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(T::default());
    }
    serde_json::from_slice(body)
        .map_err(|e| ApiError::bad_request(format!("invalid JSON in the request body: {e}")))
}
