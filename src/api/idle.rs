//! When the service may exit: `--time` seconds after the last request ended. A request
//! counts as busy until its response body is finished, so a long `logs -f`, `events`,
//! attach or pull stream keeps the service alive however long it runs.

use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http_body::Frame;
use tokio::sync::Notify;

#[derive(Default)]
pub struct Activity {
    busy: AtomicUsize,
    changed: Notify,
}

/// One unit of work in progress; dropping it ends it.
pub struct Busy(Arc<Activity>);

impl Activity {
    pub fn busy(self: &Arc<Self>) -> Busy {
        self.busy.fetch_add(1, Ordering::SeqCst);
        self.changed.notify_waiters();
        Busy(self.clone())
    }

    fn idle(&self) -> bool {
        self.busy.load(Ordering::SeqCst) == 0
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        self.0.busy.fetch_sub(1, Ordering::SeqCst);
        self.0.changed.notify_waiters();
    }
}

/// A response body that keeps its request counted as busy until it is done or dropped.
struct Counted {
    inner: Body,
    _busy: Busy,
}

impl http_body::Body for Counted {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        Pin::new(&mut self.get_mut().inner).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.inner.size_hint()
    }
}

pub async fn track(
    State(activity): State<Arc<Activity>>,
    mut req: Request,
    next: Next,
) -> Response {
    let busy = activity.busy();
    // Handlers that take the connection over (attach, exec) count as busy until it closes.
    req.extensions_mut().insert(activity.clone());
    // `--log-level debug`: each request with the time to its response head, as Podman's
    // service logs them.
    let started = crate::log::enabled(crate::log::Level::Debug).then(|| {
        (
            std::time::Instant::now(),
            req.method().clone(),
            req.uri().clone(),
        )
    });
    let resp = next.run(req).await;
    if let Some((t0, method, uri)) = started {
        crate::log::debug(format_args!(
            "{method} {uri} {} {:.1} ms",
            resp.status().as_u16(),
            t0.elapsed().as_secs_f64() * 1e3
        ));
    }
    resp.map(|inner| Body::new(Counted { inner, _busy: busy }))
}

/// Resolves when the service should stop: idle for `limit` (never when None), or
/// SIGINT/SIGTERM.
pub async fn until_idle(activity: Arc<Activity>, limit: Option<Duration>) {
    let idle = async {
        let Some(limit) = limit else {
            return std::future::pending::<()>().await;
        };
        loop {
            // Registered before the check, so a change right after it is not missed.
            let changed = activity.changed.notified();
            if !activity.idle() {
                changed.await;
                continue;
            }
            tokio::select! {
                _ = tokio::time::sleep(limit) => if activity.idle() { return },
                _ = changed => {}
            }
        }
    };
    let signalled = async {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            },
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    };
    tokio::select! {
        _ = idle => {}
        _ = signalled => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn exits_only_after_the_last_request_ends() {
        let activity = Arc::new(Activity::default());
        let busy = activity.busy();
        let stop = tokio::spawn(until_idle(activity.clone(), Some(Duration::from_secs(5))));
        tokio::time::sleep(Duration::from_secs(60)).await;
        assert!(!stop.is_finished(), "stopped while a request was open");
        drop(busy);
        tokio::time::sleep(Duration::from_secs(4)).await;
        assert!(!stop.is_finished(), "stopped before the idle time passed");
        tokio::time::sleep(Duration::from_secs(2)).await;
        assert!(stop.is_finished());
    }
}
