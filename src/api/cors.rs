//! `system service --cors ORIGIN`: every answer carries the CORS headers Podman's service
//! sets, and a browser's preflight (OPTIONS) is answered without reaching a handler.

use axum::extract::Request;
use axum::http::{HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

const METHODS: &str = "GET, POST, PUT, DELETE, HEAD, OPTIONS";

pub async fn answer(origin: HeaderValue, req: Request, next: Next) -> Response {
    let mut res = if req.method() == Method::OPTIONS {
        StatusCode::OK.into_response()
    } else {
        next.run(req).await
    };
    let h = res.headers_mut();
    h.insert("access-control-allow-origin", origin);
    h.insert(
        "access-control-allow-headers",
        HeaderValue::from_static("*"),
    );
    h.insert(
        "access-control-allow-methods",
        HeaderValue::from_static(METHODS),
    );
    res
}
