//! `POST /build`: Docker's classic builder protocol (what `DOCKER_BUILDKIT=0 docker build`,
//! Compose and docker-py speak). The body is the context as a tar, the query the options;
//! the answer streams the build's output as `{"stream": ...}` lines, then
//! `{"aux":{"ID":...}}`. The build itself is the engine's, as `cove build` runs it.
//! `POST /build/prune` empties the layer cache.
//!
//! As for pulls: an error before any output (a body that is not a tar, a missing
//! Dockerfile, a parse error) is the response's status; once output has gone out, a
//! failure is the stream's last line, with a failed RUN's exit code as `errorDetail.code`
//! (the docker CLI exits with it, as with dockerd).

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::sync::Arc;

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use serde_json::json;
use tokio::sync::mpsc;

use super::image_transfer::{self, send, Msg, PullReport, Tx};
use super::ndjson::ChannelReader;
use super::params::Query;
use super::{ApiError, Service};
use crate::build::{self, source, BuildError, BuildRequest, Format, Images};
use crate::container::create::Defaults;
use crate::image::platform::Platform;
use crate::image::pull::{PullPolicy, PullRequest};
use crate::registry::client::ConnectOptions;

pub fn routes() -> Router<Arc<Service>> {
    Router::new()
        .route("/build", post(build))
        .route("/build/prune", post(prune))
}

impl From<BuildError> for ApiError {
    fn from(e: BuildError) -> ApiError {
        use BuildError as E;
        match e {
            E::Store(e) => e.into(),
            E::Missing(_)
            | E::NoDockerfile(_)
            | E::Parse(_)
            | E::Ignore(_)
            | E::NoTarget(_)
            | E::Tag { .. }
            | E::Options(_)
            | E::Resources(_)
            | E::Source(_) => ApiError::bad_request(e.to_string()),
            other => ApiError::internal(other.to_string()),
        }
    }
}

/// The query of a build, read and checked before the body is.
struct Options {
    dockerfile: Option<String>,
    tags: Vec<String>,
    build_args: BTreeMap<String, String>,
    labels: BTreeMap<String, String>,
    target: Option<String>,
    no_cache: bool,
    pull: PullPolicy,
    quiet: bool,
    squash: bool,
    run: build::options::RunOptions,
}

/// A number parameter; absent, empty and 0 (dockerd's "not set") are None.
fn number<T: std::str::FromStr + Default + PartialEq>(
    q: &Query,
    key: &str,
) -> Result<Option<T>, ApiError> {
    match q.get(key) {
        None => Ok(None),
        Some(v) => match v.parse::<T>() {
            Ok(n) if n == T::default() => Ok(None),
            Ok(n) => Ok(Some(n)),
            Err(_) => Err(ApiError::bad_request(format!(
                "invalid value for {key}: {v:?} is not a number"
            ))),
        },
    }
}

/// A Docker `Ulimit` of the `ulimits` parameter.
#[derive(serde::Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Ulimit {
    name: String,
    soft: i64,
    hard: i64,
}

/// The options of RUN steps, in dockerd's parameters, as `cove build`'s flags say them.
fn run_flags(q: &Query) -> Result<build::options::RunFlags, ApiError> {
    let ulimits: Vec<Ulimit> = match q.get("ulimits") {
        None => Vec::new(),
        Some(raw) => serde_json::from_str(raw).map_err(|e| {
            ApiError::bad_request(format!(
                "invalid ulimits: expected a JSON array of {{Name, Soft, Hard}}: {e}"
            ))
        })?,
    };
    let split = |key: &str| -> Vec<String> {
        q.all(key)
            .iter()
            .flat_map(|v| v.split(','))
            .filter(|v| !v.is_empty())
            .map(str::to_string)
            .collect()
    };
    Ok(build::options::RunFlags {
        // dockerd's bridge is a build's default network.
        network: q
            .get("networkmode")
            .filter(|m| !matches!(*m, "default" | "bridge"))
            .map(str::to_string),
        add_hosts: split("extrahosts"),
        security_opts: q.all("securityopt"),
        ulimits: ulimits
            .iter()
            .map(|u| format!("{}={}:{}", u.name, u.soft, u.hard))
            .collect(),
        shm_size: number::<u64>(q, "shmsize")?.map(|n| n.to_string()),
        memory: number::<u64>(q, "memory")?.map(|n| n.to_string()),
        memory_swap: number::<i64>(q, "memswap")?.map(|n| n.to_string()),
        cpu_shares: number(q, "cpushares")?,
        cpu_period: number(q, "cpuperiod")?,
        cpu_quota: number(q, "cpuquota")?,
        cpuset_cpus: q.get("cpusetcpus").map(str::to_string),
        cpuset_mems: q.get("cpusetmems").map(str::to_string),
        cgroup_parent: q.get("cgroupparent").map(str::to_string),
        ..Default::default()
    })
}

/// A JSON object parameter (`buildargs`, `labels`); a null value means unset (the CLI
/// sends `{"A":null}` for `--build-arg A` when A is not in its environment).
fn json_map(q: &Query, key: &str) -> Result<BTreeMap<String, String>, ApiError> {
    let Some(raw) = q.get(key) else {
        return Ok(BTreeMap::new());
    };
    let map: BTreeMap<String, Option<String>> = serde_json::from_str(raw).map_err(|e| {
        ApiError::bad_request(format!(
            "invalid {key}: expected a JSON object of strings: {e}"
        ))
    })?;
    Ok(map
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect())
}

impl Options {
    fn parse(q: &Query) -> Result<Options, ApiError> {
        if let Some(remote) = q.get("remote") {
            return Err(ApiError::bad_request(format!(
                "remote build contexts are not supported ({remote}): send the context as the body"
            )));
        }
        if q.get("version") == Some("2") {
            return Err(ApiError::bad_request(
                "BuildKit is not supported: use the classic builder (DOCKER_BUILDKIT=0)",
            ));
        }
        if let Some(p) = q.get("platform") {
            build::platform::check(p).map_err(ApiError::bad_request)?;
        }
        // Accepted for the clients that send them: intermediate containers always go.
        q.flag("rm")?;
        q.flag("forcerm")?;
        Ok(Options {
            dockerfile: q.get("dockerfile").map(str::to_string),
            tags: q.all("t").into_iter().filter(|t| !t.is_empty()).collect(),
            build_args: json_map(q, "buildargs")?,
            labels: json_map(q, "labels")?,
            target: q.get("target").map(str::to_string),
            no_cache: q.flag("nocache")?,
            pull: if q.flag("pull")? {
                PullPolicy::Always
            } else {
                PullPolicy::Missing
            },
            quiet: q.flag("q")?,
            squash: q.flag("squash")?,
            run: run_flags(q)?
                .parse()
                .map_err(|e| ApiError::bad_request(e.to_string()))?,
        })
    }
}

/// The build's output as dockerd streams it: whole lines as `{"stream": ...}`.
struct Lines {
    tx: Tx,
    buf: Vec<u8>,
}

impl Lines {
    fn emit(&mut self, upto: usize) {
        let line: Vec<u8> = self.buf.drain(..upto).collect();
        send(
            &self.tx,
            json!({ "stream": String::from_utf8_lossy(&line) }),
        );
    }
}

impl Write for Lines {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(data);
        while let Some(i) = self.buf.iter().position(|b| *b == b'\n') {
            self.emit(i + 1);
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.buf.is_empty() {
            self.emit(self.buf.len());
        }
        Ok(())
    }
}

/// Base images as the service pulls them: on its runtime, progress in the stream.
struct Puller {
    service: Arc<Service>,
    handle: tokio::runtime::Handle,
    policy: PullPolicy,
    connect: ConnectOptions,
    tx: Tx,
}

impl Images for Puller {
    fn resolve(&self, name: &str) -> Result<String, String> {
        let store = self.service.engine.store.clone();
        crate::image::pull::ensure(&store, name, self.policy, || {
            let conf = image_transfer::registries(&self.service)?;
            let req = PullRequest {
                image: name.to_string(),
                platform: Platform::host(),
                connect: self.connect.clone(),
                rootless: self.service.engine.rootless,
            };
            let report = PullReport::new(self.tx.clone());
            self.handle
                .block_on(crate::image::pull::pull(&store, &conf, &req, &report))
                .map_err(ApiError::from)
        })
        .map_err(|e| e.message)
    }
}

/// `POST /build`.
async fn build(
    State(service): State<Arc<Service>>,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let q = Query::of(&uri);
    let prepared =
        Options::parse(&q).and_then(|o| Ok((o, image_transfer::connect(&service, &headers)?)));
    let (opts, connect) = match prepared {
        Ok(p) => p,
        Err(e) => return e.into_response(),
    };
    let reader = ChannelReader::new(body);
    let (tx, rx) = mpsc::unbounded_channel();
    let handle = tokio::runtime::Handle::current();
    tokio::task::spawn_blocking(move || {
        let puller = Puller {
            service,
            handle,
            policy: opts.pull,
            connect,
            tx: tx.clone(),
        };
        let done = run(&puller, opts, reader);
        let _ = tx.send(Msg::Done(done));
    });
    image_transfer::respond(rx).await
}

/// The build, on a blocking thread; its output goes to the puller's channel.
fn run(puller: &Puller, opts: Options, mut body: ChannelReader) -> Result<(), ApiError> {
    let engine = &puller.service.engine;
    let unpacked = engine
        .store
        .tmp_dir()
        .map_err(BuildError::from)
        .and_then(|tmp| Ok(source::unpack(tmp, &mut body, false)?));
    let unpacked = match unpacked {
        Ok(u) => u,
        Err(e) => {
            // The client is still sending: read it all, so it hears the answer.
            let _ = io::copy(&mut body, &mut io::sink());
            return Err(e.into());
        }
    };
    let context = unpacked.dir().to_path_buf();
    let file = opts
        .dockerfile
        .as_deref()
        .map(|d| source::dockerfile_in(&context, d))
        .transpose()?;
    let req = BuildRequest {
        context,
        file,
        tags: opts.tags,
        build_args: opts.build_args,
        target: opts.target,
        no_cache: opts.no_cache,
        layers: true,
        labels: opts.labels,
        // dockerd's images are Docker's: HEALTHCHECK, SHELL and ONBUILD kept.
        format: Format::Docker,
        quiet: opts.quiet,
        secrets: BTreeMap::new(),
        timestamp: None,
        platform: None,
        squash: if opts.squash {
            build::Squash::New
        } else {
            build::Squash::No
        },
        run: opts.run,
        skip_unused_stages: true,
        ..Default::default()
    };
    // What the user would see at the CLI: containers.conf fills in the gaps.
    let conf = crate::config::containers::ContainersConf::for_user(&engine.paths.config)
        .map_err(|e| ApiError::internal(e.to_string()))?;
    let defaults =
        Defaults::from_conf(&conf, Vec::new()).map_err(|e| ApiError::internal(e.to_string()))?;
    let mut out = Lines {
        tx: puller.tx.clone(),
        buf: Vec::new(),
    };
    let built = build::build(engine, &defaults, puller, &req, &mut out);
    let _ = out.flush();
    match built {
        Ok(report) => {
            send(&puller.tx, json!({ "aux": { "ID": report.id } }));
            if req.quiet {
                // dockerd's quiet build says the ID alone, digest form.
                let hex = report.id.trim_start_matches("sha256:");
                send(&puller.tx, json!({ "stream": format!("sha256:{hex}\n") }));
            } else {
                let short: String = report
                    .id
                    .trim_start_matches("sha256:")
                    .chars()
                    .take(12)
                    .collect();
                // Compose v1 and docker-py find the image by this line.
                send(
                    &puller.tx,
                    json!({ "stream": format!("Successfully built {short}\n") }),
                );
            }
            Ok(())
        }
        Err(BuildError::RunFailed { instruction, code }) => {
            let message = BuildError::RunFailed { instruction, code }.to_string();
            send(
                &puller.tx,
                json!({ "errorDetail": { "code": code, "message": message }, "error": message }),
            );
            Ok(())
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /build/prune`: the layer cache's entries go (the images stay while tagged or
/// used); dockerd's answer shape.
async fn prune(State(service): State<Arc<Service>>) -> Result<Response, ApiError> {
    let removed = super::blocking(move || {
        build::cache::Cache::new(&service.engine.paths.data)
            .clear()
            .map_err(|e| ApiError::internal(format!("pruning the build cache: {e}")))
    })
    .await?;
    Ok((
        StatusCode::OK,
        Json(json!({ "CachesDeleted": removed, "SpaceReclaimed": 0 })),
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Query {
        Query::of(&format!("/build?{s}").parse::<Uri>().unwrap())
    }

    #[test]
    fn options_are_read_as_the_docker_cli_sends_them() {
        let o = Options::parse(&q(
            "t=a&t=b%3A1&buildargs=%7B%22X%22%3A%221%22%2C%22Y%22%3Anull%7D&labels=%7B%7D&nocache=1&pull=1&q=0&rm=1&networkmode=default&dockerfile=sub%2FDockerfile",
        ))
        .unwrap();
        assert_eq!(o.tags, ["a", "b:1"]);
        assert_eq!(o.build_args.len(), 1);
        assert_eq!(o.build_args["X"], "1");
        assert!(o.no_cache && !o.quiet);
        assert_eq!(o.pull, PullPolicy::Always);
        assert_eq!(o.dockerfile.as_deref(), Some("sub/Dockerfile"));
        assert_eq!(o.run.network, None);
        let o = Options::parse(&q(
            "networkmode=none&extrahosts=a%3A10.0.0.1&extrahosts=b%3A10.0.0.2&shmsize=1048576&memory=0&ulimits=%5B%7B%22Name%22%3A%22nofile%22%2C%22Soft%22%3A10%2C%22Hard%22%3A20%7D%5D",
        ))
        .unwrap();
        assert_eq!(o.run.network, Some(crate::network::NetworkMode::None));
        assert_eq!(o.run.add_hosts, ["a:10.0.0.1", "b:10.0.0.2"]);
        assert_eq!(o.run.shm_size, Some(1 << 20));
        assert_eq!(o.run.ulimits.len(), 1);
        assert_eq!(o.run.resources.memory, None);
        let o = Options::parse(&q("memory=67108864&cpushares=512")).unwrap();
        assert_eq!(o.run.resources.memory, Some(64 << 20));
        assert_eq!(o.run.resources.other, ["--cpu-shares"]);
    }

    #[test]
    fn bad_options_are_a_400() {
        for bad in [
            "buildargs=%7Bnot",
            "labels=%5B1%5D",
            "nocache=maybe",
            "remote=https%3A%2F%2Fexample.com%2Fx.git",
            "platform=linux%2Fnope",
            "networkmode=container%3A",
            "extrahosts=nocolon",
            "ulimits=%5B%7B%22Name%22%3A1%7D%5D",
            "shmsize=big",
        ] {
            let e = Options::parse(&q(bad)).err().unwrap();
            assert_eq!(e.status, StatusCode::BAD_REQUEST, "{bad}");
        }
    }

    #[test]
    fn output_goes_out_in_whole_lines() {
        let (tx, mut rx) = mpsc::unbounded_channel();
        let mut l = Lines {
            tx,
            buf: Vec::new(),
        };
        l.write_all(b"STEP 1/2: FROM x\nhal").unwrap();
        l.write_all(b"f\n").unwrap();
        l.write_all(b"tail").unwrap();
        l.flush().unwrap();
        let mut got = Vec::new();
        while let Ok(Msg::Line(b)) = rx.try_recv() {
            let v: serde_json::Value = serde_json::from_slice(&b).unwrap();
            got.push(v["stream"].as_str().unwrap().to_string());
        }
        assert_eq!(got, ["STEP 1/2: FROM x\n", "half\n", "tail"]);
    }
}
