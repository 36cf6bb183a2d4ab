use super::*;
use hickory_proto::rr::Name;
use proptest::prelude::*;

fn query(id: u16, name: &str, qtype: RecordType) -> Vec<u8> {
    let mut m = Message::new(id, MessageType::Query, OpCode::Query);
    m.metadata.recursion_desired = true;
    m.add_query(Query::query(Name::from_ascii(name).unwrap(), qtype));
    m.to_vec().unwrap()
}

fn known(ip: Ipv4Addr) -> impl FnOnce(&str) -> Option<Scope> {
    move |_| {
        Some(Scope {
            address: Some(ip),
            internal: false,
        })
    }
}

fn unknown(internal: bool) -> impl FnOnce(&str) -> Option<Scope> {
    move |_| {
        Some(Scope {
            address: None,
            internal,
        })
    }
}

fn reply(v: Verdict) -> Message {
    match v {
        Verdict::Reply(bytes) => Message::from_vec(&bytes).unwrap(),
        other => panic!("expected a reply, got {other:?}"),
    }
}

const WEB: Ipv4Addr = Ipv4Addr::new(10, 89, 1, 2);

#[test]
fn answers_a_queries_from_records() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("abc"),
        record(WEB, &["web", "www", "0123456789ab"]),
    )
    .unwrap();
    assert_eq!(lookup(dir.path(), "www"), Some(WEB));
    assert_eq!(lookup(dir.path(), "web.dns.cove"), Some(WEB));
    assert_eq!(lookup(dir.path(), "other"), None);

    let mut asked = String::new();
    let r = reply(handle(&query(0x1234, "WWW.", RecordType::A), |name| {
        asked = name.to_string();
        Some(Scope {
            address: lookup(dir.path(), name),
            internal: false,
        })
    }));
    assert_eq!(asked, "www", "lower case, no final dot");
    assert_eq!(r.metadata.id, 0x1234);
    assert_eq!(r.metadata.message_type, MessageType::Response);
    assert!(r.metadata.recursion_desired, "RD copied");
    assert_eq!(r.metadata.response_code, ResponseCode::NoError);
    assert_eq!(r.queries.len(), 1);
    assert_eq!(r.answers.len(), 1);
    assert_eq!(r.answers[0].data, RData::A(A(WEB)));
    assert_eq!(r.answers[0].ttl, 0);
}

#[test]
fn a_known_name_has_no_other_records_and_unknown_ones_are_relayed_or_nxdomain() {
    let r = reply(handle(&query(7, "web", RecordType::AAAA), known(WEB)));
    assert_eq!(r.metadata.response_code, ResponseCode::NoError);
    assert!(r.answers.is_empty());

    let p = query(8, "example.org", RecordType::A);
    match handle(&p, unknown(false)) {
        Verdict::Relay { id, servfail } => {
            assert_eq!(id, 8);
            let s = Message::from_vec(&servfail).unwrap();
            assert_eq!(s.metadata.response_code, ResponseCode::ServFail);
            assert_eq!(s.metadata.id, 8);
        }
        other => panic!("{other:?}"),
    }
    for (name, internal) in [("example.org", true), ("gone.dns.cove", false)] {
        let r = reply(handle(&query(9, name, RecordType::A), unknown(internal)));
        assert_eq!(r.metadata.response_code, ResponseCode::NXDomain, "{name}");
    }
    // A client on no network of ours is not answered at all.
    assert_eq!(handle(&p, |_| None), Verdict::Drop);
}

/// The datagram of the issue: 17 bytes, the question's type and class cut short.
#[test]
fn a_truncated_query_gets_formerr_and_no_header_gets_nothing() {
    let full = query(0x1701, "a", RecordType::A);
    assert_eq!(full.len(), 19);
    let r = reply(handle(&full[..17], known(WEB)));
    assert_eq!(r.metadata.id, 0x1701);
    assert_eq!(r.metadata.response_code, ResponseCode::FormErr);
    assert_eq!(handle(&full[..11], known(WEB)), Verdict::Drop);

    // A response is never answered, however broken.
    let mut resp = full.clone();
    resp[2] |= 0x80;
    assert_eq!(handle(&resp[..13], known(WEB)), Verdict::Drop);

    // Not a standard query: NOTIMP.
    let mut status = full.clone();
    status[2] = 2 << 3;
    let r = reply(handle(&status, known(WEB)));
    assert_eq!(r.metadata.response_code, ResponseCode::NotImp);
}

#[test]
fn label_lengths_past_the_end_pointer_loops_and_huge_counts_get_formerr() {
    let header = |qd: u16, an: u16| {
        let mut p = vec![0xab, 0xcd, 0x01, 0x00];
        for c in [qd, an, 0, 0] {
            p.extend_from_slice(&c.to_be_bytes());
        }
        p
    };
    let cases: Vec<Vec<u8>> = vec![
        [header(1, 0), vec![63, b'a', b'b']].concat(),
        [header(1, 0), vec![0xc0, 12, 0, 1, 0, 1]].concat(),
        [header(1, 0), vec![1, b'a', 0xc0, 12, 0, 1, 0, 1]].concat(),
        [header(0xffff, 0xffff), vec![0, 0, 1, 0, 1]].concat(),
        [header(2, 0), query(1, "a", RecordType::A)[12..].to_vec()].concat(),
        header(0, 0),
    ];
    for p in cases {
        let r = reply(handle(&p, known(WEB)));
        assert_eq!(r.metadata.response_code, ResponseCode::FormErr, "{p:?}");
        assert_eq!(r.metadata.id, 0xabcd);
    }
}

fn query_bytes() -> impl Strategy<Value = Vec<u8>> {
    let label = "[a-z0-9]([a-z0-9-]{0,18}[a-z0-9])?";
    (
        any::<u16>(),
        prop::collection::vec(label, 1..5),
        prop::sample::select(vec![RecordType::A, RecordType::AAAA, RecordType::MX]),
    )
        .prop_map(|(id, labels, t)| query(id, &labels.join("."), t))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn random_bytes_never_panic(p in prop::collection::vec(any::<u8>(), 0..600)) {
        let _ = handle(&p, known(WEB));
        let _ = handle(&p, unknown(false));
    }

    #[test]
    fn truncated_and_mutated_queries_never_panic(
        p in query_bytes(),
        cut in any::<prop::sample::Index>(),
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..6),
    ) {
        let _ = handle(&p[..cut.index(p.len() + 1)], known(WEB));
        let mut m = p.clone();
        for (at, byte) in flips {
            let i = at.index(m.len());
            m[i] = byte;
        }
        let _ = handle(&m, unknown(true));
    }

    #[test]
    fn valid_queries_round_trip(p in query_bytes()) {
        let asked = Message::from_vec(&p).unwrap();
        let r = reply(handle(&p, known(WEB)));
        prop_assert_eq!(r.metadata.id, asked.metadata.id);
        prop_assert_eq!(&r.queries, &asked.queries);
        let want = usize::from(asked.queries[0].query_type() == RecordType::A);
        prop_assert_eq!(r.answers.len(), want);
    }
}

/// A stand-in for slirp4netns's resolver on loopback: answers each query with `stray`
/// datagrams of another id first, then (if `answer`) the real one.
fn fake_upstream(stray: usize, answer: bool) -> SocketAddr {
    let s = UdpSocket::bind("127.0.0.1:0").unwrap();
    let addr = s.local_addr().unwrap();
    std::thread::spawn(move || {
        let mut buf = [0u8; 512];
        while let Ok((n, peer)) = s.recv_from(&mut buf) {
            let q = Message::from_vec(&buf[..n]).unwrap();
            let id = q.metadata.id;
            let mut r = q.into_response();
            r.add_answer(Record::from_rdata(
                r.queries[0].name().clone(),
                60,
                RData::A(A(Ipv4Addr::new(192, 0, 2, 1))),
            ));
            for i in 0..stray {
                r.metadata.id = id.wrapping_add(1 + i as u16);
                s.send_to(&r.to_vec().unwrap(), peer).unwrap();
            }
            r.metadata.id = id;
            if answer {
                s.send_to(&r.to_vec().unwrap(), peer).unwrap();
            }
        }
    });
    addr
}

#[test]
fn relays_pass_back_only_the_answer_with_the_querys_id() {
    let upstream = fake_upstream(3, true);
    let server = UdpSocket::bind("127.0.0.1:0").unwrap();
    let client = UdpSocket::bind("127.0.0.1:0").unwrap();
    let relays = Relays::start(upstream, server, 2, 4, Duration::from_secs(30)).unwrap();
    let q = query(0x4242, "example.org", RecordType::A);
    let job = Job {
        query: q,
        id: 0x4242,
        peer: client.local_addr().unwrap(),
    };
    assert!(relays.submit(job));
    let mut buf = [0u8; 512];
    let n = client.recv(&mut buf).unwrap();
    let r = Message::from_vec(&buf[..n]).unwrap();
    assert_eq!(r.metadata.id, 0x4242);
    assert_eq!(r.answers.len(), 1);
    // Nothing else arrives: the stray ids were dropped.
    client.set_nonblocking(true).unwrap();
    assert!(client.recv(&mut buf).is_err());
}

#[test]
fn relays_in_flight_are_bounded() {
    let upstream = fake_upstream(0, false);
    let server = UdpSocket::bind("127.0.0.1:0").unwrap();
    let peer = server.local_addr().unwrap();
    let (workers, queue) = (2, 3);
    let relays = Relays::start(upstream, server, workers, queue, Duration::from_secs(30)).unwrap();
    let refused = (0..workers + queue + 1)
        .filter(|i| {
            let job = Job {
                query: query(*i as u16, "example.org", RecordType::A),
                id: *i as u16,
                peer,
            };
            !relays.submit(job)
        })
        .count();
    assert!(refused >= 1, "a silent upstream must not take every query");
}
