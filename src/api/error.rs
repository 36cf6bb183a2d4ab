//! Docker's error responses: a status code and `{"message": "..."}`, with its texts
//! ("No such container: x"), which clients match on.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
        }
    }

    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, message)
    }

    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (
            self.status,
            Json(serde_json::json!({ "message": self.message })),
        )
            .into_response()
    }
}

/// dockerd's answer to a path it has no route for.
pub async fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "page not found")
}

/// Docker's status codes and texts for engine errors: clients branch on them (`docker run`
/// pulls after a 404 "No such image", Compose recreates after 409).
impl From<crate::container::ContainerError> for ApiError {
    fn from(e: crate::container::ContainerError) -> ApiError {
        use crate::container::ContainerError as E;
        match e {
            E::NotFound(id) => {
                ApiError::new(StatusCode::NOT_FOUND, format!("No such container: {id}"))
            }
            E::Store(e) => e.into(),
            E::Volume(e) => e.into(),
            E::Network(e) => e.into(),
            E::Db(crate::storage::db::DbError::NameInUse(name)) => ApiError::new(
                StatusCode::CONFLICT,
                format!("Conflict. The container name \"/{name}\" is already in use"),
            ),
            E::Running(_)
            | E::Restarting(_)
            | E::NotRunning(_)
            | E::NotPaused(_)
            | E::CannotKill { .. } => ApiError::new(StatusCode::CONFLICT, e.to_string()),
            E::Ambiguous { .. } | E::Name(_) | E::Create(_) => ApiError::bad_request(e.to_string()),
            other => ApiError::internal(other.to_string()),
        }
    }
}

impl From<crate::image::store::StoreError> for ApiError {
    fn from(e: crate::image::store::StoreError) -> ApiError {
        use crate::image::store::StoreError as E;
        match e {
            E::NotFound(name) => {
                ApiError::new(StatusCode::NOT_FOUND, format!("No such image: {name}"))
            }
            E::Ambiguous { .. } | E::Invalid(_) => ApiError::bad_request(e.to_string()),
            other => ApiError::internal(other.to_string()),
        }
    }
}

impl From<crate::volume::VolumeError> for ApiError {
    fn from(e: crate::volume::VolumeError) -> ApiError {
        use crate::volume::VolumeError as E;
        match e {
            E::NotFound(name) => {
                ApiError::new(StatusCode::NOT_FOUND, format!("get {name}: no such volume"))
            }
            E::Exists(_) | E::InUse { .. } => ApiError::new(StatusCode::CONFLICT, e.to_string()),
            E::InvalidName(_) | E::Driver(_) => ApiError::bad_request(e.to_string()),
            other => ApiError::internal(other.to_string()),
        }
    }
}

impl From<crate::network::NetworkError> for ApiError {
    fn from(e: crate::network::NetworkError) -> ApiError {
        use crate::network::NetworkError as E;
        match e {
            E::NotFound(name) => {
                ApiError::new(StatusCode::NOT_FOUND, format!("network {name} not found"))
            }
            E::Exists(_) | E::Conflict(_) | E::PortInUse { .. } => {
                ApiError::new(StatusCode::CONFLICT, e.to_string())
            }
            E::Mode(_) | E::Option(_) | E::Publish(..) | E::AddHost(..) => {
                ApiError::bad_request(e.to_string())
            }
            other => ApiError::internal(other.to_string()),
        }
    }
}
