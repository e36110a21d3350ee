//! Unit tests of the browser model, by concern.
use super::*;

const PAGE: &str = "https://app.example.com";
const API: &str = "https://api.example.com/todos";

fn h(pairs: &[(&str, &str)]) -> Vec<Header> {
    pairs
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect()
}

fn request(method: &str, headers: &[(&str, &str)], credentials: Credentials) -> Request {
    Request {
        url: API.into(),
        origin: PAGE.into(),
        method: method.into(),
        headers: h(headers),
        network: Default::default(),
        credentials,
    }
}

fn response(url: &str, status: u16, headers: &[(&str, &str)]) -> Response {
    Response {
        url: url.into(),
        status,
        headers: h(headers),
        preflight: None,
    }
}

fn simple(credentials: Credentials, headers: &[(&str, &str)]) -> Prediction {
    predict(&Exchange {
        request: request("GET", &[], credentials),
        preflight: None,
        responses: vec![response(API, 200, headers)],
    })
}

fn chromium(prediction: &Prediction) -> &EngineVerdict {
    &prediction.engines[0]
}

mod address_space;
mod checks;
mod classify;
mod next_request;
mod patch;
mod reading;
mod redirects;
