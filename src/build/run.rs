//! RUN: the command runs in a container of the stage's image, created, started and
//! removed through the engine exactly as `cove run` does it (same runtime, confinement
//! and default network); the container's upper dir becomes the step's layer, archived
//! the way `commit` archives it.

use std::fs::File;
use std::io::BufWriter;
use std::os::fd::AsFd;

use super::cache;
use super::dockerfile::{Command, HereDoc, Kind, Step};
use super::mounts::RunMounts;
use super::stage::{Builder, State};
use super::subst::{self, Vars};
use super::BuildError;
use crate::container::attach::{self, Output};
use crate::container::create::{CreateRequest, HealthRequest, DEFAULT_PATH};
use crate::image::import;
use crate::storage::db::ImageRecord;

/// The shell script of a RUN with heredocs: the command line, then each body ended by
/// its delimiter, so the shell reads them as here-documents. A bare `RUN <<EOF` runs the
/// body itself.
fn heredoc_script(cmd: &str, docs: &[HereDoc]) -> String {
    if cmd.trim().is_empty() {
        return docs.iter().map(|d| d.body.as_str()).collect();
    }
    let re = regex::Regex::new(r#"<<-?\s*["']?([A-Za-z0-9_]+)["']?"#).ok();
    let delims: Vec<String> = re
        .map(|re| re.captures_iter(cmd).map(|c| c[1].to_string()).collect())
        .unwrap_or_default();
    let mut script = format!("{cmd}\n");
    for (i, d) in docs.iter().enumerate() {
        script.push_str(&d.body);
        if !d.body.ends_with('\n') && !d.body.is_empty() {
            script.push('\n');
        }
        script.push_str(delims.get(i).map(String::as_str).unwrap_or("EOF"));
        script.push('\n');
    }
    script
}

/// Store the layer tar at `tar` on top of the stage's image, with `created_by` in the
/// history; the stage now has that image.
pub(super) fn add_layer(
    b: &Builder<'_>,
    st: &mut State,
    step: &Step,
    tar: &std::path::Path,
    created_by: &str,
    key: &str,
) -> Result<(), BuildError> {
    let base = st.image.clone().unwrap_or_default();
    let stamped = tar.with_extension("stamped");
    let tar = match b.req.timestamp {
        Some(t) => {
            super::layer::restamp(tar, &stamped, t.max(0) as u64)
                .map_err(|e| b.err(step, format!("setting file times: {e}")))?;
            stamped.as_path()
        }
        None => tar,
    };
    let f = File::open(tar).map_err(|e| b.err(step, e))?;
    let id = import::add_layer(
        &b.engine.store,
        Some((&base, st.config.clone())),
        f,
        &[],
        Some(created_by),
        b.engine.rootless,
    )
    .map_err(|e| b.err(step, e))?;
    adopt(b, st, step, b.engine.store.find(&id)?)?;
    st.key = key.to_string();
    Ok(())
}

/// Take `img` (new or from the cache) as the stage's image.
pub(super) fn adopt(
    b: &Builder<'_>,
    st: &mut State,
    step: &Step,
    img: ImageRecord,
) -> Result<(), BuildError> {
    st.config = serde_json::from_slice(&img.config).map_err(|e| b.err(step, e))?;
    st.image = Some(img);
    Ok(())
}

pub(super) fn run(b: &mut Builder<'_>, st: &mut State, step: &Step) -> Result<(), BuildError> {
    let Kind::Run {
        flags,
        command,
        heredocs,
    } = &step.kind
    else {
        return Err(b.err(step, "expected RUN"));
    };
    let workdir = st.string("WorkingDir").unwrap_or_else(|| "/".into());
    let flags = substituted(b, st, step, flags)?;
    let mut mounts = RunMounts::prepare(b, &flags, &workdir).map_err(|e| b.err(step, e))?;
    mounts
        .targets
        .extend(b.req.run.targets().map(str::to_string));
    let argv = match command {
        Command::Shell(cmd) if !heredocs.is_empty() => {
            b.argv(st, &Command::Shell(heredoc_script(cmd, heredocs)))
        }
        c => b.argv(st, c),
    };
    let key = cache::key(&st.key, &[&step.text, &Builder::args_text(st), &mounts.key]);
    if let Some(img) = b.cached(&key) {
        adopt(b, st, step, img)?;
        st.key = key;
        return Ok(());
    }
    let Some(image) = st.image.clone().filter(|i| !i.layers.is_empty()) else {
        return Err(b.err(step, "RUN needs a filesystem: the stage has no layers yet"));
    };
    // ENV over ARG, as Docker sets them for RUN.
    let env_pairs = st.env();
    let mut env: Vec<String> = st
        .args
        .iter()
        .filter(|(k, _)| !env_pairs.iter().any(|(e, _)| e == *k))
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    if !env_pairs.iter().any(|(k, _)| k == "PATH") {
        env.push(DEFAULT_PATH.to_string());
    }
    env.extend(env_pairs.iter().map(|(k, v)| format!("{k}={v}")));
    let mut req = CreateRequest {
        image: image.id.clone(),
        image_id: image.id.clone(),
        entrypoint: Some(Vec::new()),
        command: Some(argv.clone()),
        env,
        working_dir: st.string("WorkingDir"),
        user: st.string("User"),
        health: HealthRequest {
            disabled: true,
            ..Default::default()
        },
        mounts: mounts.specs.clone(),
        network: mounts.network.clone(),
        ..Default::default()
    };
    b.req.run.apply(&mut req);
    let engine = b.engine;
    let mut c = engine.create(req, b.defaults).map_err(|e| b.err(step, e))?;
    let result = execute(b, &mut c, step);
    let layer = result.and_then(|code| {
        if code != 0 {
            return Err(BuildError::RunFailed {
                instruction: step.text.lines().next().unwrap_or("").to_string(),
                code,
            });
        }
        let tmp = engine.store.tmp_dir()?;
        let tar = tmp.path().join("layer.tar");
        let upper = engine.container_dir(&c.id).join("upper");
        let lower = image
            .layers
            .iter()
            .map(|l| engine.store.layer_dir(&l.diff_id))
            .collect::<Result<Vec<_>, _>>()?;
        mounts.tidy(&upper, &lower);
        File::create(&tar)
            .and_then(|f| crate::container::changes::layer_tar(&upper, BufWriter::new(f)))
            .map_err(|e| b.err(step, format!("archiving the changes: {e}")))?;
        Ok((tmp, tar))
    });
    // The step's container goes whatever happened; its volumes with it.
    let _ = engine.remove(&mut c, true, true);
    let (_tmp, tar) = layer?;
    let created_by = match command {
        Command::Shell(_) => format!(
            "{} {}",
            st.shell.join(" "),
            argv.last().map(String::as_str).unwrap_or("")
        ),
        Command::Exec(v) => v.join(" "),
    };
    add_layer(b, st, step, &tar, &created_by, &key)?;
    let id = st.image.as_ref().map(|i| i.id.clone()).unwrap_or_default();
    b.remember(&key, &id);
    b.say(format!("--> {}", super::stage::short(&id)));
    Ok(())
}

/// RUN's flags with their values substituted (ARG and ENV apply to `--mount` options).
fn substituted(
    b: &Builder<'_>,
    st: &State,
    step: &Step,
    flags: &[(String, Option<String>)],
) -> Result<Vec<(String, String)>, BuildError> {
    let env = st.env();
    let vars = Vars {
        env: &env,
        args: &st.args,
    };
    flags
        .iter()
        .map(|(k, v)| {
            let v = subst::word(v.as_deref().unwrap_or(""), &vars, b.df.escape)
                .map_err(|e| b.err(step, e))?;
            Ok((k.clone(), v))
        })
        .collect()
}

/// Start the container attached, copy its output to the build's, and return its exit code.
fn execute(
    b: &mut Builder<'_>,
    c: &mut crate::container::Container,
    step: &Step,
) -> Result<i32, BuildError> {
    let engine = b.engine;
    let sock = engine
        .start(c, true)
        .map_err(|e| b.err(step, e))?
        .ok_or_else(|| b.err(step, "the step's container did not start"))?;
    let mut buf = vec![0u8; 64 * 1024];
    let mut held = Vec::new();
    loop {
        match attach::recv_output(sock.as_fd(), &mut buf) {
            Ok(Output::Stdout(d)) | Ok(Output::Stderr(d)) => {
                // -q keeps the build silent, as Podman's does, but a failure's output is
                // what the user needs: it is held back and shown then.
                if b.req.quiet {
                    held.extend_from_slice(d);
                } else {
                    let _ = b.out.write_all(d);
                }
            }
            Ok(Output::Exited(code)) if code != 0 && b.req.quiet => {
                let _ = b.out.write_all(&held);
                return Ok(code);
            }
            Ok(Output::Exited(code)) => return Ok(code),
            Ok(Output::Other) => {}
            Ok(Output::Closed) | Err(_) => break,
        }
    }
    engine.wait(c).map_err(|e| b.err(step, e))
}
