//! The forwarder in this process, relaying to servers in this process. Entering a network
//! namespace, even our own, takes CAP_SYS_ADMIN: run as root, as CI does.

use super::*;
use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream, UdpSocket};
use std::os::fd::IntoRawFd;

fn forward(fd: RawFd, udp: bool, container_port: u16) -> Forwarder {
    let port = Port {
        fd,
        udp,
        container_port,
    };
    start(Path::new("/proc/self/ns/net"), &[port], None).unwrap()
}

/// Bytes that differ per connection and per position, so a mix-up shows.
fn pattern(seed: u64, len: usize) -> Vec<u8> {
    (0..len as u64)
        .map(|i| (i.wrapping_mul(31) ^ (i >> 9) ^ seed.wrapping_mul(101)) as u8)
        .collect()
}

/// An echo server: each connection's bytes back, then EOF after the client's EOF.
fn echo_server() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for s in l.incoming() {
            let Ok(mut s) = s else { continue };
            std::thread::spawn(move || {
                let mut r = s.try_clone().unwrap();
                let _ = std::io::copy(&mut r, &mut s);
                let _ = s.shutdown(Shutdown::Write);
            });
        }
    });
    port
}

/// Sends `data`, half-closes, and returns everything read until EOF.
fn roundtrip(addr: SocketAddr, data: Vec<u8>) -> Vec<u8> {
    let mut s = TcpStream::connect(addr).unwrap();
    let mut w = s.try_clone().unwrap();
    let writer = std::thread::spawn(move || {
        w.write_all(&data).unwrap();
        w.shutdown(Shutdown::Write).unwrap();
    });
    let mut got = Vec::new();
    s.read_to_end(&mut got).unwrap();
    writer.join().unwrap();
    got
}

#[test]
fn tcp_relays_many_connections_both_ways_and_passes_the_eof_on() {
    let echo = echo_server();
    let host = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = host.local_addr().unwrap();
    let fwd = forward(host.into_raw_fd(), false, echo);
    let clients: Vec<_> = (0..200u64)
        .map(|i| {
            std::thread::spawn(move || {
                let data = pattern(i, 256 * 1024 + i as usize);
                assert!(
                    roundtrip(addr, data.clone()) == data,
                    "connection {i} differs"
                );
            })
        })
        .collect();
    for c in clients {
        c.join().unwrap();
    }
    // A client that resets mid-stream and one that sends without reading do not stop
    // the port from serving the next one.
    let mut rude = TcpStream::connect(addr).unwrap();
    rude.write_all(&pattern(7, 100_000)).unwrap();
    drop(rude);
    let mut deaf = TcpStream::connect(addr).unwrap();
    deaf.set_nonblocking(true).unwrap();
    let _ = deaf.write(&pattern(8, 4 << 20));
    assert_eq!(roundtrip(addr, b"still here".to_vec()), b"still here");
    drop(deaf);
    fwd.stop();
}

#[test]
fn tcp_closes_clients_when_nothing_listens_inside() {
    let unused = TcpListener::bind("127.0.0.1:0").unwrap();
    let closed = unused.local_addr().unwrap().port();
    drop(unused);
    let host = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = host.local_addr().unwrap();
    let fwd = forward(host.into_raw_fd(), false, closed);
    let mut s = TcpStream::connect(addr).unwrap();
    let mut buf = [0u8; 16];
    assert!(matches!(s.read(&mut buf), Ok(0) | Err(_)));
    fwd.stop();
}

#[test]
fn udp_answers_each_client_on_its_own_flow() {
    let server = UdpSocket::bind("127.0.0.1:0").unwrap();
    let inner_port = server.local_addr().unwrap().port();
    std::thread::spawn(move || {
        let mut buf = [0u8; 2048];
        while let Ok((n, from)) = server.recv_from(&mut buf) {
            let answer = format!("{} {}", from.port(), String::from_utf8_lossy(&buf[..n]));
            let _ = server.send_to(answer.as_bytes(), from);
        }
    });
    let host = UdpSocket::bind("127.0.0.1:0").unwrap();
    let addr = host.local_addr().unwrap();
    let fwd = forward(host.into_raw_fd(), true, inner_port);
    for i in 0..20 {
        let c = UdpSocket::bind("127.0.0.1:0").unwrap();
        c.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let msg = format!("hello {i}");
        c.send_to(msg.as_bytes(), addr).unwrap();
        let mut buf = [0u8; 2048];
        let n = c.recv(&mut buf).unwrap();
        let got = String::from_utf8_lossy(&buf[..n]).into_owned();
        assert!(got.ends_with(&msg), "{got}");
    }
    fwd.stop();
}

/// The threads wake on the stop event and close their sockets: the same addresses can be
/// bound again once `stop` returns.
#[test]
fn stop_gives_the_ports_back() {
    let tcp = TcpListener::bind("127.0.0.1:0").unwrap();
    let udp = UdpSocket::bind("127.0.0.1:0").unwrap();
    let (tcp_addr, udp_addr) = (tcp.local_addr().unwrap(), udp.local_addr().unwrap());
    let ports = [
        Port {
            fd: tcp.into_raw_fd(),
            udp: false,
            container_port: 1,
        },
        Port {
            fd: udp.into_raw_fd(),
            udp: true,
            container_port: 1,
        },
    ];
    let fwd = start(Path::new("/proc/self/ns/net"), &ports, None).unwrap();
    let client = UdpSocket::bind("127.0.0.1:0").unwrap();
    client.send_to(b"x", udp_addr).unwrap();
    fwd.stop();
    TcpListener::bind(tcp_addr).expect("the TCP port is free again");
    UdpSocket::bind(udp_addr).expect("the UDP port is free again");
}
