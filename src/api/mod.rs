//! The Docker Engine API service (`cove system service`): the docker CLI, Compose and
//! the SDKs talk REST to it over a Unix socket (or loopback TCP), as they would to
//! dockerd or `podman system service`. It is not a daemon: it runs while clients use it
//! and exits after `--time` idle seconds (socket activation starts it again).
//!
//! Every handler calls the same engine functions the CLI calls, on a blocking thread
//! (the engine is synchronous: SQLite, fork/exec); tokio only carries the HTTP.

mod build;
mod containers;
mod cors;
mod df;
mod error;
mod events;
mod idle;
mod image_transfer;
mod images;
mod listen;
mod ndjson;
mod networks;
mod objects;
mod params;
mod streams;
mod system;
mod version;
mod volumes;

use std::sync::Arc;
use std::time::Duration;

use axum::routing::{get, post};
use axum::Router;
use tower::Layer;

pub use error::ApiError;
pub use listen::{Endpoint, ListenError};

use crate::container::Engine;

/// The API version cove speaks; clients negotiate down to it with `/_ping`.
pub const API_VERSION: &str = "1.44";
/// The oldest API version whose requests cove still answers (as dockerd 25+).
pub const MIN_API_VERSION: &str = "1.24";

/// What every handler needs.
pub struct Service {
    pub engine: Engine,
}

/// The routes, unversioned: `version::strip` maps `/v1.41/containers/json` onto them.
fn router(service: Arc<Service>, activity: Arc<idle::Activity>) -> Router {
    Router::new()
        .route("/_ping", get(system::ping).head(system::ping))
        .route("/version", get(system::version))
        .route("/info", get(system::info))
        .route("/auth", post(image_transfer::auth))
        .merge(build::routes())
        .merge(containers::routes())
        .merge(streams::routes())
        .merge(objects::routes())
        .fallback(error::not_found)
        .layer(axum::middleware::from_fn_with_state(activity, idle::track))
        .layer(axum::middleware::map_response(system::server_header))
        .with_state(service)
}

/// Serve until idle for `idle` (None: forever) or until a signal ends the process.
/// Builds its own tokio runtime: the caller has joined the user namespace already, which
/// needs a single-threaded process.
pub fn serve(
    service: Service,
    endpoint: &Endpoint,
    idle: Option<Duration>,
    cors: Option<String>,
) -> Result<(), ApiError> {
    let cors = cors
        .map(|o| {
            axum::http::HeaderValue::from_str(&o)
                .map_err(|_| ApiError::bad_request(format!("--cors {o:?}: not a header value")))
        })
        .transpose()?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| ApiError::internal(format!("cannot start the I/O runtime: {e}")))?;
    rt.block_on(async move {
        let (listener, activated) =
            listen::open(endpoint).map_err(|e| ApiError::internal(e.to_string()))?;
        let activity = Arc::new(idle::Activity::default());
        let mut app = router(Arc::new(service), activity.clone());
        if let Some(origin) = cors {
            app = app.layer(axum::middleware::from_fn(move |req, next| {
                cors::answer(origin.clone(), req, next)
            }));
        }
        let app = axum::middleware::map_request(version::strip).layer(app);
        let shutdown = idle::until_idle(activity, idle);
        let served = match listener {
            listen::Listener::Unix(l) => {
                axum::serve(
                    l,
                    axum::ServiceExt::<axum::extract::Request>::into_make_service(app),
                )
                .with_graceful_shutdown(shutdown)
                .await
            }
            listen::Listener::Tcp(l) => {
                axum::serve(
                    l,
                    axum::ServiceExt::<axum::extract::Request>::into_make_service(app),
                )
                .with_graceful_shutdown(shutdown)
                .await
            }
        };
        listen::close(endpoint, activated);
        served.map_err(|e| ApiError::internal(format!("serving the API: {e}")))
    })
}

/// Run blocking engine work off the I/O threads.
pub(crate) async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| ApiError::internal(format!("engine task failed: {e}")))?
}
