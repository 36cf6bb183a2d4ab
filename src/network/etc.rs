//! The container's /etc/hosts and /etc/resolv.conf: pure text in, text out.

/// Resolver settings: the flags win over what the host has, one field at a time.
#[derive(Debug, Default, Clone)]
pub struct DnsFlags<'a> {
    pub servers: &'a [String],
    pub search: &'a [String],
    pub options: &'a [String],
}

/// `nameserver`, `search` and `options` lines of a resolv.conf.
#[derive(Debug, Default, PartialEq)]
struct Resolv {
    servers: Vec<String>,
    search: Vec<String>,
    options: Vec<String>,
}

fn parse_resolv(text: &str) -> Resolv {
    let mut r = Resolv::default();
    for line in text.lines() {
        let mut words = line.split_whitespace();
        match words.next() {
            Some("nameserver") => r.servers.extend(words.next().map(str::to_string)),
            // The last search/domain line wins, as in the resolver.
            Some("search") | Some("domain") => r.search = words.map(str::to_string).collect(),
            Some("options") => r.options.extend(words.map(str::to_string)),
            _ => {}
        }
    }
    r
}

fn is_loopback(server: &str) -> bool {
    server
        .parse::<std::net::IpAddr>()
        .map(|ip| ip.is_loopback())
        .unwrap_or(false)
}

/// The container's resolv.conf. `uplink_dns` is the helper's DNS forwarder (slirp4netns
/// 10.0.2.3): with one, the host's loopback resolvers (systemd-resolved's 127.0.0.53)
/// are unreachable and are replaced by it; `None` keeps the host's servers as they are
/// (host network).
pub fn resolv_conf(host: &str, uplink_dns: &[String], flags: &DnsFlags<'_>) -> String {
    let host = parse_resolv(host);
    let servers = if !flags.servers.is_empty() {
        flags.servers.to_vec()
    } else if uplink_dns.is_empty() {
        host.servers
    } else {
        let mut v: Vec<String> = uplink_dns.to_vec();
        v.extend(host.servers.into_iter().filter(|s| !is_loopback(s)));
        v
    };
    let search = if flags.search.is_empty() {
        host.search
    } else {
        // `--dns-search .` means none at all (Docker).
        flags.search.iter().filter(|s| *s != ".").cloned().collect()
    };
    let options = if flags.options.is_empty() {
        host.options
    } else {
        flags.options.to_vec()
    };
    let mut out = String::new();
    if !search.is_empty() {
        out.push_str(&format!("search {}\n", search.join(" ")));
    }
    for s in servers {
        out.push_str(&format!("nameserver {s}\n"));
    }
    if !options.is_empty() {
        out.push_str(&format!("options {}\n", options.join(" ")));
    }
    out
}

/// What /etc/hosts says about the container itself and the host.
pub struct HostsInput<'a> {
    pub hostname: &'a str,
    pub name: &'a str,
    /// The container's own address; None keeps 127.0.1.1 (no network of its own).
    pub address: Option<String>,
    /// Where `host.containers.internal` points, if the host is reachable.
    pub host_gateway: Option<String>,
    /// `--add-host NAME:IP` entries, already validated.
    pub extra: &'a [(String, String)],
}

pub fn hosts(h: &HostsInput<'_>) -> String {
    let mut out = String::from(
        "127.0.0.1\tlocalhost localhost.localdomain localhost4 localhost4.localdomain4\n\
         ::1\tlocalhost localhost.localdomain localhost6 localhost6.localdomain6\n",
    );
    for (name, ip) in h.extra {
        out.push_str(&format!("{ip}\t{name}\n"));
    }
    let own = h.address.as_deref().unwrap_or("127.0.1.1");
    if h.hostname == h.name {
        out.push_str(&format!("{own}\t{}\n", h.hostname));
    } else {
        out.push_str(&format!("{own}\t{} {}\n", h.hostname, h.name));
    }
    if let Some(gw) = &h.host_gateway {
        out.push_str(&format!(
            "{gw}\thost.containers.internal host.docker.internal\n"
        ));
    }
    out
}

/// `--add-host NAME:IP` (also `NAME=IP`, and `[v6]`); `host-gateway` stands for the
/// address of `host.containers.internal`.
pub fn parse_add_host(
    s: &str,
    host_gateway: Option<&str>,
) -> Result<(String, String), super::NetworkError> {
    let bad = |why: &str| super::NetworkError::AddHost(s.to_string(), why.to_string());
    let (name, ip) = s
        .split_once('=')
        .or_else(|| s.split_once(':'))
        .ok_or_else(|| bad("expected NAME:IP"))?;
    if name.is_empty() || name.contains(char::is_whitespace) {
        return Err(bad("bad host name"));
    }
    let ip = ip.trim_start_matches('[').trim_end_matches(']');
    if ip == "host-gateway" {
        let gw = host_gateway.ok_or_else(|| bad("this network has no way to the host"))?;
        return Ok((name.to_string(), gw.to_string()));
    }
    ip.parse::<std::net::IpAddr>()
        .map_err(|_| bad("not an IP address"))?;
    Ok((name.to_string(), ip.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOST: &str = "# generated\nnameserver 127.0.0.53\nnameserver 192.0.2.53\nsearch example.org\noptions edns0 trust-ad\n";

    #[test]
    fn resolv_conf_behind_slirp_replaces_loopback_resolvers() {
        let r = resolv_conf(HOST, &["10.0.2.3".into()], &DnsFlags::default());
        assert_eq!(
            r,
            "search example.org\nnameserver 10.0.2.3\nnameserver 192.0.2.53\noptions edns0 trust-ad\n"
        );
        let host = resolv_conf(HOST, &[], &DnsFlags::default());
        assert!(host.contains("nameserver 127.0.0.53\n"));
    }

    #[test]
    fn flags_override_one_field_at_a_time() {
        let servers = vec!["192.0.2.1".to_string()];
        let search = vec![".".to_string()];
        let options = vec!["ndots:2".to_string()];
        let r = resolv_conf(
            HOST,
            &["10.0.2.3".into()],
            &DnsFlags {
                servers: &servers,
                search: &search,
                options: &options,
            },
        );
        assert_eq!(r, "nameserver 192.0.2.1\noptions ndots:2\n");
    }

    #[test]
    fn hosts_names_the_container_and_the_host() {
        let extra = vec![("db".to_string(), "192.0.2.9".to_string())];
        let h = hosts(&HostsInput {
            hostname: "abc123",
            name: "web",
            address: Some("10.0.2.100".into()),
            host_gateway: Some("10.0.2.2".into()),
            extra: &extra,
        });
        assert!(h.contains("192.0.2.9\tdb\n"));
        assert!(h.contains("10.0.2.100\tabc123 web\n"));
        assert!(h.contains("10.0.2.2\thost.containers.internal host.docker.internal\n"));
    }

    #[test]
    fn add_host_forms() {
        assert_eq!(
            parse_add_host("db:192.0.2.9", None).unwrap(),
            ("db".into(), "192.0.2.9".into())
        );
        assert_eq!(
            parse_add_host("v6=[2001:db8::1]", None).unwrap(),
            ("v6".into(), "2001:db8::1".into())
        );
        assert_eq!(
            parse_add_host("gw:host-gateway", Some("10.0.2.2"))
                .unwrap()
                .1,
            "10.0.2.2"
        );
        assert!(parse_add_host("gw:host-gateway", None).is_err());
        assert!(parse_add_host("nocolon", None).is_err());
        assert!(parse_add_host("db:999.1.1.1", None).is_err());
    }
}
