//! `GET /system/df`: what `system::disk_usage` measured, as dockerd reports it (the
//! docker CLI's `system df` computes its table from these lists).

use std::sync::Arc;

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use super::{blocking, ApiError, Service};
use crate::container::report::ContainerSummary;
use crate::image::report::ImageSummary;
use crate::system::disk_usage;
use crate::volume::VolumeReport;

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct ContainerUsage {
    #[serde(flatten)]
    summary: ContainerSummary,
    size_rw: u64,
    size_root_fs: u64,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct UsageData {
    size: u64,
    ref_count: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct VolumeUsage {
    #[serde(flatten)]
    volume: VolumeReport,
    usage_data: UsageData,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct DiskUsage {
    layers_size: u64,
    images: Vec<ImageSummary>,
    containers: Vec<ContainerUsage>,
    volumes: Vec<VolumeUsage>,
    build_cache: Vec<()>,
}

pub async fn df(State(service): State<Arc<Service>>) -> Result<Response, ApiError> {
    blocking(move || {
        let engine = &service.engine;
        let du = disk_usage::measure(engine).map_err(|e| ApiError::internal(e.to_string()))?;
        let listed = crate::image::report::list(&engine.store, &Default::default(), true)?;
        let now = chrono::Utc::now();
        let images = du
            .images
            .iter()
            .filter_map(|u| {
                let mut s = listed.iter().find(|s| s.id == u.id)?.clone();
                s.size = u.size;
                s.shared_size = u.shared_size as i64;
                s.containers = u.containers as i64;
                Some(s)
            })
            .collect();
        let containers = du
            .containers
            .iter()
            .map(|c| ContainerUsage {
                summary: ContainerSummary::of(&c.container, now),
                size_rw: c.size,
                size_root_fs: c.size,
            })
            .collect();
        let volumes = du
            .volumes
            .iter()
            .map(|v| VolumeUsage {
                volume: crate::volume::report(&engine.store, &v.volume),
                usage_data: UsageData {
                    size: v.size,
                    ref_count: v.links,
                },
            })
            .collect();
        Ok(Json(DiskUsage {
            layers_size: du.images_summary.size,
            images,
            containers,
            volumes,
            build_cache: Vec::new(),
        })
        .into_response())
    })
    .await
}
