//! `.kube` files (Podman's `[Kube]` section): a unit whose main process is
//! `cove kube play --replace --service-container=true`, which plays the YAML's pods,
//! tells systemd it is ready, and stays as long as any of their containers runs; stopping
//! the unit takes the pods down (`cove kube down`).

use super::{Converted, Converter, QuadletError};
use crate::systemd::unit::{command_line, unit_word};

impl Converter<'_> {
    /// A path from the file, relative to the file's directory (specifiers kept).
    fn path_in_dir(&self, v: &str) -> String {
        if v.starts_with('/') || v.starts_with('%') {
            v.to_string()
        } else {
            self.dir.join(v).display().to_string()
        }
    }

    pub(super) fn kube(&self) -> Result<Converted, QuadletError> {
        self.check_sections()?;
        let mut yaml: Option<String> = None;
        let mut flags: Vec<String> = Vec::new();
        let mut requires: Vec<String> = Vec::new();
        let flag = |flags: &mut Vec<String>, f: &str, v: &str| flags.push(format!("{f}={v}"));
        for e in self.unit.entries("Kube") {
            let v = e.value.as_str();
            match e.key.as_str() {
                "Yaml" => yaml = Some(self.path_in_dir(v)),
                "ConfigMap" => flag(&mut flags, "--configmap", &self.path_in_dir(v)),
                "PublishPort" => flag(&mut flags, "--publish", v),
                "LogDriver" => flag(&mut flags, "--log-driver", v),
                "UserNS" => flag(&mut flags, "--userns", v),
                "Network" => {
                    let value = self.network_ref(e, v, &mut requires)?;
                    flag(&mut flags, "--network", &value);
                }
                "PodmanArgs" | "CoveArgs" => flags.extend(self.words(e)?),
                _ => return Err(self.unsupported(e)),
            }
        }
        let yaml = yaml.ok_or_else(|| self.fail(0, "no Yaml= key in [Kube]"))?;
        let line = |args: Vec<String>| -> String {
            let mut words = vec![self.cove.clone()];
            words.extend(args.iter().map(|w| unit_word(w)));
            command_line(&words)
        };
        let mut play: Vec<String> = vec![
            "kube".into(),
            "play".into(),
            "--replace".into(),
            "--service-container=true".into(),
        ];
        play.extend(flags);
        play.push(yaml.clone());
        let down = vec!["kube".into(), "down".into(), yaml];
        Ok(Converted {
            // cove itself is the main process and sends READY=1 once the pods run.
            service: vec![
                ("Type", "notify".into()),
                ("NotifyAccess", "all".into()),
                ("KillMode", "mixed".into()),
                ("SyslogIdentifier", "%N".into()),
            ],
            commands: vec![
                ("ExecStart", line(play)),
                ("ExecStop", line(down.clone())),
                // `-`: the pods are usually gone already; that is no failure.
                ("ExecStopPost", format!("-{}", line(down))),
            ],
            requires,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::*;

    fn conv(text: &str) -> Result<Service, QuadletError> {
        let siblings = |f: &str| (f == "net.network").then(|| "[Network]\n".to_string());
        convert(
            &Source {
                name: "app.kube",
                path: Path::new("/q/app.kube"),
                text,
            },
            &siblings,
            Path::new("/usr/bin/cove"),
        )
    }

    #[test]
    fn a_kube_file_plays_and_downs_its_yaml() {
        let s = conv(
            "[Kube]\nYaml=app.yaml\nNetwork=net.network\nPublishPort=8080:80\n\
             ConfigMap=/etc/cm.yaml\nLogDriver=json-file\n\n[Install]\nWantedBy=default.target\n",
        )
        .unwrap();
        assert_eq!(s.unit_name, "app.service");
        let u = Unit::parse(&s.text).unwrap();
        let get = |k: &str| {
            u.entries("Service")
                .find(|e| e.key == k)
                .map(|e| e.value.clone())
                .unwrap_or_default()
        };
        assert_eq!(
            get("ExecStart"),
            "/usr/bin/cove kube play --replace --service-container=true \
             --network=systemd-net --publish=8080:80 --configmap=/etc/cm.yaml \
             --log-driver=json-file /q/app.yaml"
        );
        assert_eq!(get("ExecStop"), "/usr/bin/cove kube down /q/app.yaml");
        assert_eq!(get("ExecStopPost"), "-/usr/bin/cove kube down /q/app.yaml");
        assert_eq!(get("Type"), "notify");
        assert!(s.text.contains("Requires=net-network.service\n"));
    }

    #[test]
    fn a_kube_file_needs_yaml_and_known_keys() {
        assert!(conv("[Kube]\nNetwork=host\n")
            .unwrap_err()
            .to_string()
            .contains("no Yaml= key"));
        assert_eq!(
            conv("[Kube]\nYaml=a.yaml\nBogus=1\n")
                .unwrap_err()
                .to_string(),
            "app.kube:3: unsupported key \"Bogus\" in [Kube]"
        );
    }
}
