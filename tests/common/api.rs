//! A running `cove system service` for one TestEnv, and the real docker CLI pointed at it.

use std::io::{Read, Write};
use std::os::unix::net::UnixStream;
use std::path::PathBuf;
use std::process::{Child, Output};

use super::{describe, eventually, kill_user_program, TestEnv};

/// The docker CLI these machines have; the set-up refuses to go on without it.
pub const DOCKER: &str = "/usr/local/bin/docker";

pub struct ApiService<'a> {
    pub env: &'a TestEnv,
    pub socket: PathBuf,
    child: Option<Child>,
}

impl<'a> ApiService<'a> {
    /// `cove system service --time 0` on the default socket, ready when this returns.
    pub fn start(env: &'a TestEnv) -> ApiService<'a> {
        ApiService::start_with(env, &["--time", "0"])
    }

    pub fn start_with(env: &'a TestEnv, args: &[&str]) -> ApiService<'a> {
        let socket = env.run.join("cove/cove.sock");
        let mut all = vec!["system", "service"];
        all.extend_from_slice(args);
        let child = env
            .cove_cmd(&all)
            .spawn()
            .expect("spawn cove system service");
        let svc = ApiService {
            env,
            socket,
            child: Some(child),
        };
        assert!(
            eventually(|| UnixStream::connect(&svc.socket).is_ok()),
            "the service never listened on {}",
            svc.socket.display()
        );
        svc
    }

    pub fn host(&self) -> String {
        format!("unix://{}", self.socket.display())
    }

    /// Run the docker CLI as the test user against this service.
    pub fn docker(&self, args: &[&str]) -> Output {
        let host = self.host();
        self.env
            .user_cmd_env(&[("DOCKER_HOST", &host)], DOCKER, args)
            .output()
            .expect("spawn docker")
    }

    pub fn docker_ok(&self, args: &[&str]) -> String {
        let out = self.docker(args);
        assert!(out.status.success(), "docker {args:?}: {}", describe(&out));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// One raw HTTP/1.1 exchange (Connection: close); returns status code and body.
    pub fn raw(&self, request: &[u8]) -> (u16, String) {
        let mut s = UnixStream::connect(&self.socket).expect("connect to the service");
        s.write_all(request).unwrap();
        let mut resp = Vec::new();
        let _ = s.read_to_end(&mut resp);
        let text = String::from_utf8_lossy(&resp).into_owned();
        let code = text
            .split_whitespace()
            .nth(1)
            .and_then(|c| c.parse().ok())
            .unwrap_or(0);
        let body = text
            .split_once("\r\n\r\n")
            .map(|(_, b)| b.to_string())
            .unwrap_or_default();
        (code, body)
    }

    /// Send bytes and hang up without waiting for an answer (a client that goes away).
    /// The write may fail part-way: the service is free to hang up on garbage.
    pub fn send_and_close(&self, request: &[u8]) {
        let mut s = UnixStream::connect(&self.socket).expect("connect to the service");
        let _ = s.write_all(request);
    }

    pub fn get(&self, path: &str) -> (u16, String) {
        self.raw(format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").as_bytes())
    }

    /// Whether the service process is still running.
    pub fn running(&mut self) -> bool {
        match self.child.as_mut() {
            Some(c) => c.try_wait().ok().flatten().is_none(),
            None => false,
        }
    }
}

impl Drop for ApiService<'_> {
    fn drop(&mut self) {
        if let Some(mut c) = self.child.take() {
            kill_user_program(&mut c);
        }
    }
}
