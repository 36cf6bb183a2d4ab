//! Living with systemd: unit files for existing containers (`cove generate systemd`),
//! Quadlet-style `.container`/`.volume`/`.network`/`.kube` files turned into services (by
//! `cove-systemd-generator`), and the sd_notify protocol behind `--sdnotify`.

pub mod generate;
pub mod generate_pod;
pub mod notify;
pub mod quadlet;
pub mod service;
pub mod unit;

#[cfg(test)]
mod props;
