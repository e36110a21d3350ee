//! Mixed content and Local Network Access, judged before anything is sent.
use super::*;

fn fetch(origin: &str, url: &str, network: Network) -> Exchange {
    Exchange {
        request: Request {
            url: url.into(),
            origin: origin.into(),
            method: "GET".into(),
            headers: Vec::new(),
            credentials: Credentials::SameOrigin,
            network,
        },
        preflight: None,
        responses: Vec::new(),
    }
}

fn codes(exchange: &Exchange) -> Vec<Option<&'static str>> {
    predict(exchange)
        .engines
        .iter()
        .map(|v| v.failure.as_ref().map(Failure::code))
        .collect()
}

#[test]
fn hosts_and_addresses_fall_in_their_spaces() {
    for (host, space) in [
        ("127.0.0.1", Space::Loopback),
        ("127.9.9.9", Space::Loopback),
        ("[::1]", Space::Loopback),
        ("localhost", Space::Loopback),
        ("app.localhost", Space::Loopback),
        ("10.0.0.1", Space::Local),
        ("172.16.0.1", Space::Local),
        ("172.32.0.1", Space::Public),
        ("192.168.1.1", Space::Local),
        ("169.254.1.1", Space::Local),
        ("fd00::1", Space::Local),
        ("fe80::1", Space::Local),
        ("::ffff:10.0.0.1", Space::Local),
        ("8.8.8.8", Space::Public),
        ("2001:db8::1", Space::Public),
        ("api.example.com", Space::Public),
        ("localhost.example.com", Space::Public),
    ] {
        assert_eq!(Space::of_host(host), space, "{host}");
    }
}

#[test]
fn a_public_page_needs_the_permission_of_the_space_it_reaches() {
    let loopback = "http://127.0.0.1:8000/x";
    let asked = fetch(PAGE, loopback, Network::default());
    let prediction = predict(&asked);
    let [chromium, firefox, _] = &prediction.engines[..] else {
        panic!("three engines")
    };
    assert!(chromium.prompt && firefox.prompt);
    assert_eq!(
        (chromium.failure.as_ref(), firefox.failure.as_ref()),
        (None, None)
    );
    // Until the user answers, nothing is refused: the checker sends the request.
    assert!(next_request(Engine::Chromium, &asked).is_some());

    let denied = Network {
        loopback: Permission::Denied,
        ..Network::default()
    };
    let chromium = &predict(&fetch(PAGE, loopback, denied.clone())).engines[0];
    assert_eq!(chromium.console.as_deref(), Some("Access to fetch at 'http://127.0.0.1:8000/x' from origin 'https://app.example.com' has been blocked by CORS policy: Permission was denied for this request to access the `loopback` address space."));
    assert!(chromium
        .fix
        .as_deref()
        .unwrap()
        .contains("serve the page over https"));
    assert!(next_request(Engine::Chromium, &fetch(PAGE, loopback, denied)).is_none());

    // The loopback permission does not cover a local server.
    let local_server = Network {
        server: Some(Space::Local),
        loopback: Permission::Granted,
        ..Network::default()
    };
    let chromium = &predict(&fetch(PAGE, loopback, local_server)).engines[0];
    assert!(chromium.prompt);

    // A page as private as its server, or more, is not asked.
    let local_page = Network {
        page: Some(Space::Local),
        ..Network::default()
    };
    assert!(!predict(&fetch(PAGE, loopback, local_page)).engines[0].prompt);
}

#[test]
fn chromium_refuses_an_insecure_page_and_a_wrong_target_space_whatever_the_permission() {
    let granted = Network {
        loopback: Permission::Granted,
        local: Permission::Granted,
        ..Network::default()
    };
    let insecure = fetch(
        "http://app.example.com",
        "http://127.0.0.1/x",
        granted.clone(),
    );
    assert_eq!(
        codes(&insecure),
        [Some("insecure-private-network"), None, None]
    );
    let mismatch = Network {
        target: Some(Space::Local),
        ..granted
    };
    let exchange = fetch(PAGE, "http://127.0.0.1/x", mismatch);
    assert_eq!(
        codes(&exchange),
        [Some("address-space-mismatch"), None, Some("mixed-content")]
    );
    assert!(predict(&exchange).engines[0].console.as_deref().unwrap().ends_with("Request had a target IP address space of `local` yet the resource is in address space `loopback`."));
}

#[test]
fn mixed_content_is_judged_per_engine_before_local_network_access() {
    let granted = Network {
        local: Permission::Granted,
        ..Network::default()
    };
    let lan = fetch(PAGE, "http://lan.example/x", granted.clone());
    assert_eq!(codes(&lan), [Some("mixed-content"); 3]);
    let lines: Vec<String> = predict(&lan)
        .engines
        .into_iter()
        .map(|v| v.console.unwrap())
        .collect();
    assert_eq!(
        lines[1],
        "Blocked loading mixed active content “http://lan.example/x”"
    );
    // Chromium lets `targetAddressSpace: 'local'` through to the permission check.
    let declared = Network {
        target: Some(Space::Local),
        server: Some(Space::Local),
        ..granted
    };
    assert_eq!(
        codes(&fetch(PAGE, "HTTP://LAN.example/x", declared))[0],
        None
    );
    // http loopback is trustworthy, except in WebKitGTK.
    assert_eq!(
        codes(&fetch(
            PAGE,
            "http://localhost:3000/x",
            Network {
                loopback: Permission::Granted,
                ..Network::default()
            }
        )),
        [None, None, Some("mixed-content")]
    );
}

#[test]
fn the_lines_printed_are_read_back_as_the_same_failure() {
    let denied = Network {
        loopback: Permission::Denied,
        ..Network::default()
    };
    for exchange in [
        fetch(PAGE, "http://lan.example/x", Network::default()),
        fetch(PAGE, "http://127.0.0.1/x", denied),
        fetch(
            "http://app.example.com",
            "http://127.0.0.1/x",
            Network::default(),
        ),
    ] {
        for verdict in predict(&exchange).engines.iter().filter(|v| !v.allowed) {
            let line = verdict.console.as_deref().unwrap();
            let reading = read_console(line).unwrap();
            let code = verdict.failure.as_ref().unwrap().code();
            assert!(
                reading.failure == code || reading.alternatives.contains(&code),
                "{line} read as {reading:?}"
            );
        }
    }
}
