use super::*;

fn target(family: libc::c_int) -> Target {
    let fd = Arc::new(sys::socket(family, libc::SOCK_STREAM).unwrap());
    Target::new(fd, 80, Yield::new().unwrap())
}

/// A socket bound (not listening) to `addr`, published for container port 80.
fn bound(addr: &str, v6only: bool) -> Target {
    let addr: SocketAddr = addr.parse().unwrap();
    let family = if addr.is_ipv6() {
        libc::AF_INET6
    } else {
        libc::AF_INET
    };
    let fd = sys::socket(family, libc::SOCK_STREAM).unwrap();
    if addr.is_ipv6() {
        let v = libc::c_int::from(v6only);
        sys::set_sockopt(fd.as_raw_fd(), libc::IPPROTO_IPV6, libc::IPV6_V6ONLY, v).unwrap();
    }
    sys::bind(&fd, addr).unwrap();
    Target::new(Arc::new(fd), 80, Yield::new().unwrap())
}

#[test]
fn a_server_gets_only_a_socket_whose_addresses_it_can_hold() {
    let v4 = target(libc::AF_INET);
    assert!(v4.fits(libc::AF_INET, false));
    assert!(
        v4.fits(libc::AF_INET6, false),
        "a dual-stack server takes IPv4 clients"
    );
    assert!(
        !v4.fits(libc::AF_INET6, true),
        "an IPv6-only server does not"
    );
    let v6 = target(libc::AF_INET6);
    assert!(v6.fits(libc::AF_INET6, false));
    assert!(v6.fits(libc::AF_INET6, true));
    assert!(
        !v6.fits(libc::AF_INET, false),
        "sockaddr_in cannot hold an IPv6 peer"
    );
}

#[test]
fn a_bare_publish_gives_each_kind_of_server_the_socket_that_fits() {
    let v4 = bound("0.0.0.0:0", false);
    let port = v4.addr.unwrap().port();
    let Ok(fd6) = sys::socket(libc::AF_INET6, libc::SOCK_STREAM) else {
        return; // no IPv6 here
    };
    drop(fd6);
    let v6 = bound(&format!("[::]:{port}"), true);
    assert_eq!(
        v6.loopback(),
        Some(format!("[::1]:{port}").parse().unwrap())
    );
    assert_eq!(
        v4.loopback(),
        Some(format!("127.0.0.1:{port}").parse().unwrap())
    );
    let targets = [v6, v4];
    let handed = |h: [bool; 2]| Handed {
        handed: h.to_vec(),
        dual: HashMap::new(),
        relays: Vec::new(),
    };
    let none = handed([false, false]);
    let (inet, inet6) = (libc::AF_INET, libc::AF_INET6);
    let give = |i, o| Some(Choice::Give(i, Some(o)));
    assert_eq!(choose(&targets, 80, inet, false, &none), give(1, 0));
    assert_eq!(
        choose(&targets, 80, inet6, false, &none),
        Some(Choice::Dual(1, 0)),
        "dual-stack: one dual-stack socket, every client keeps its address"
    );
    assert_eq!(choose(&targets, 80, inet6, true, &none), give(0, 1));
    assert_eq!(choose(&targets, 81, inet, false, &none), None);
    // Once one side went to a server, the other is relayed to it for good.
    let v4_given = handed([false, true]);
    assert_eq!(choose(&targets, 80, inet6, true, &v4_given), None);
    assert_eq!(choose(&targets, 80, inet, false, &v4_given), give(1, 0));
    assert_eq!(choose(&targets, 80, inet6, false, &v4_given), give(1, 0));
    let v6_given = handed([true, false]);
    assert_eq!(choose(&targets, 80, inet6, false, &v6_given), give(0, 1));
    assert_eq!(choose(&targets, 80, inet, false, &v6_given), None);
    // Replaced by a dual-stack socket: only dual-stack servers get it.
    let mut swapped = handed([true, true]);
    swapped
        .dual
        .insert(1, Arc::new(sys::socket(inet6, libc::SOCK_STREAM).unwrap()));
    assert_eq!(
        choose(&targets, 80, inet6, false, &swapped),
        Some(Choice::Dual(1, 0))
    );
    assert_eq!(choose(&targets, 80, inet, false, &swapped), None);
    assert_eq!(choose(&targets, 80, inet6, true, &swapped), None);

    // The same container port published on two host ports: no single answer.
    let other = bound("127.0.0.1:0", false);
    let two = [bound("127.0.0.1:0", false), other];
    assert_eq!(choose(&two, 80, inet, false, &none), None);
    // One socket on a specific address: it, if it fits.
    let one = handed([false, false]);
    let lo = [bound("127.0.0.1:0", false)];
    assert_eq!(
        choose(&lo, 80, inet, false, &one),
        Some(Choice::Give(0, None))
    );
    let lo6 = [bound("[::1]:0", true)];
    assert_eq!(choose(&lo6, 80, inet, false, &one), None);
}

#[test]
fn the_relay_is_asked_once_and_answers() {
    let y = Yield::new().unwrap();
    let relay = y.clone();
    let t = std::thread::spawn(move || {
        let mut fds = [libc::pollfd {
            fd: relay.event(),
            events: libc::POLLIN,
            revents: 0,
        }];
        sys::poll(&mut fds, -1).unwrap();
        relay.drain();
        relay.acknowledge();
    });
    assert!(y.request());
    t.join().unwrap();
    assert!(y.request(), "asked again: already let go");
}

#[test]
fn only_wildcard_addresses_with_a_port_are_taken() {
    let mut v4 = vec![0u8; 16];
    v4[..2].copy_from_slice(&(libc::AF_INET as u16).to_ne_bytes());
    v4[2..4].copy_from_slice(&80u16.to_be_bytes());
    assert_eq!(wildcard_port(&v4), Some((libc::AF_INET, 80)));
    let mut lo = v4.clone();
    lo[4..8].copy_from_slice(&[127, 0, 0, 1]);
    assert_eq!(wildcard_port(&lo), None);
    assert_eq!(wildcard_port(&v4[..15]), None, "short sockaddr_in");
    let mut any_port = v4.clone();
    any_port[2..4].copy_from_slice(&[0, 0]);
    assert_eq!(wildcard_port(&any_port), None);

    let mut v6 = vec![0u8; 28];
    v6[..2].copy_from_slice(&(libc::AF_INET6 as u16).to_ne_bytes());
    v6[2..4].copy_from_slice(&8080u16.to_be_bytes());
    assert_eq!(wildcard_port(&v6), Some((libc::AF_INET6, 8080)));
    assert_eq!(wildcard_port(&v6[..24]), Some((libc::AF_INET6, 8080)));
    assert_eq!(wildcard_port(&v6[..23]), None);
    let mut one = v6.clone();
    one[23] = 1;
    assert_eq!(wildcard_port(&one), None, "::1");
    let mut unix = v6.clone();
    unix[..2].copy_from_slice(&(libc::AF_UNIX as u16).to_ne_bytes());
    assert_eq!(wildcard_port(&unix), None);
    assert_eq!(wildcard_port(&[]), None);
    assert_eq!(wildcard_port(&[2]), None);
}

#[test]
fn reading_bad_pointers_fails_without_harm() {
    let me = sys::getpid();
    assert!(read_sockaddr(me, 0, 16).is_none());
    assert!(read_sockaddr(me, 8, 16).is_none());
    assert!(read_sockaddr(me, u64::MAX - 4, 16).is_none());
    assert!(read_sockaddr(me, 0x1000, 1).is_none());
    let data = [7u8; 28];
    let got = read_sockaddr(me, data.as_ptr() as u64, 1000).unwrap();
    assert_eq!(got, data.to_vec());
}
