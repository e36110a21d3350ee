//! Why a browser refuses a response, and at which step of the fetch.
use super::address_space::Space;

/// Where the fetch failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// The preflight (`OPTIONS`) response.
    Preflight,
    /// A redirect response of the actual request, by its index in `responses`.
    Redirect(usize),
    /// The final response of the actual request.
    Response,
}

impl Step {
    /// The step's name in JSON: `preflight`, `redirect` or `response`.
    pub fn name(self) -> &'static str {
        match self {
            Step::Preflight => "preflight",
            Step::Redirect(_) => "redirect",
            Step::Response => "response",
        }
    }
}

/// One refusal, carrying the values the console lines quote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// No Access-Control-Allow-Origin header.
    MissingAllowOrigin,
    /// Access-Control-Allow-Origin: * on a credentialed request.
    WildcardWithCredentials,
    /// The combined Access-Control-Allow-Origin value holds more than one origin.
    MultipleAllowOrigin(String),
    /// Chromium: a value that is not a URL at all.
    InvalidAllowOrigin(String),
    /// An Access-Control-Allow-Origin value that is not the request's origin.
    AllowOriginMismatch(String),
    /// The Access-Control-Allow-Credentials value ("" when absent).
    AllowCredentialsNotTrue(String),
    /// A preflight answered with a status that is not 2xx.
    PreflightStatus(u16),
    /// A preflight answered with a redirect, which is never followed.
    PreflightRedirect,
    /// An Access-Control-Allow-Methods item that is not a method name.
    InvalidAllowMethods(String),
    /// An Access-Control-Allow-Headers item that is not a header name.
    InvalidAllowHeaders(String),
    /// The requested method is missing from Access-Control-Allow-Methods.
    MethodNotAllowed(String),
    /// A requested header is missing from Access-Control-Allow-Headers.
    HeaderNotAllowed(String),
    /// A redirect Location with `user:password@`.
    RedirectWithCredentials(String),
    /// More than 20 redirects.
    TooManyRedirects,
    /// A redirect to a URL that is not http(s) (`data:`, `file:`, `ftp:`...): a network error.
    RedirectScheme(String),
    /// An https page fetched an http:// URL: blocked before anything is sent.
    MixedContent,
    /// Local Network Access: the permission for this more private space was not granted.
    LocalNetworkAccess(Space),
    /// Chromium: a page that is not a secure context fetched a more private space.
    InsecurePrivateNetwork(Space),
    /// Chromium: `targetAddressSpace` differs from the server's space.
    AddressSpaceMismatch {
        /// The space the page declared.
        target: Space,
        /// The server's.
        actual: Space,
    },
}

impl Failure {
    /// A stable identifier, for JSON and tests.
    pub fn code(&self) -> &'static str {
        match self {
            Failure::MissingAllowOrigin => "missing-allow-origin",
            Failure::WildcardWithCredentials => "wildcard-with-credentials",
            Failure::MultipleAllowOrigin(_) => "multiple-allow-origin",
            Failure::InvalidAllowOrigin(_) => "invalid-allow-origin",
            Failure::AllowOriginMismatch(_) => "allow-origin-mismatch",
            Failure::AllowCredentialsNotTrue(_) => "allow-credentials-not-true",
            Failure::PreflightStatus(_) => "preflight-status",
            Failure::PreflightRedirect => "preflight-redirect",
            Failure::InvalidAllowMethods(_) => "invalid-allow-methods",
            Failure::InvalidAllowHeaders(_) => "invalid-allow-headers",
            Failure::MethodNotAllowed(_) => "method-not-allowed",
            Failure::HeaderNotAllowed(_) => "header-not-allowed",
            Failure::RedirectWithCredentials(_) => "redirect-with-credentials",
            Failure::TooManyRedirects => "too-many-redirects",
            Failure::RedirectScheme(_) => "redirect-scheme",
            Failure::MixedContent => "mixed-content",
            Failure::LocalNetworkAccess(_) => "local-network-access",
            Failure::InsecurePrivateNetwork(_) => "insecure-private-network",
            Failure::AddressSpaceMismatch { .. } => "address-space-mismatch",
        }
    }

    /// The value the console lines quote (a header value, method, header name or URL).
    pub fn value(&self) -> Option<&str> {
        match self {
            Failure::MultipleAllowOrigin(v)
            | Failure::InvalidAllowOrigin(v)
            | Failure::AllowOriginMismatch(v)
            | Failure::AllowCredentialsNotTrue(v)
            | Failure::InvalidAllowMethods(v)
            | Failure::InvalidAllowHeaders(v)
            | Failure::MethodNotAllowed(v)
            | Failure::HeaderNotAllowed(v)
            | Failure::RedirectWithCredentials(v)
            | Failure::RedirectScheme(v) => Some(v),
            Failure::LocalNetworkAccess(space)
            | Failure::InsecurePrivateNetwork(space)
            | Failure::AddressSpaceMismatch { actual: space, .. } => Some(space.name()),
            Failure::MissingAllowOrigin
            | Failure::MixedContent
            | Failure::WildcardWithCredentials
            | Failure::PreflightStatus(_)
            | Failure::PreflightRedirect
            | Failure::TooManyRedirects => None,
        }
    }

    /// Whether the browser refused before sending anything, whatever the server answers:
    /// no response header changes these.
    pub fn before_sending(&self) -> bool {
        matches!(
            self,
            Failure::MixedContent
                | Failure::LocalNetworkAccess(_)
                | Failure::InsecurePrivateNetwork(_)
                | Failure::AddressSpaceMismatch { .. }
        )
    }

    /// The failure `code` names, carrying `value` (and `status` for a preflight's); `None`
    /// when they do not fit it (a mismatch needs two spaces).
    pub fn from_code(code: &str, value: &str, status: u16) -> Option<Failure> {
        let v = value.to_string();
        Some(match code {
            "missing-allow-origin" => Failure::MissingAllowOrigin,
            "wildcard-with-credentials" => Failure::WildcardWithCredentials,
            "multiple-allow-origin" => Failure::MultipleAllowOrigin(v),
            "invalid-allow-origin" => Failure::InvalidAllowOrigin(v),
            "allow-origin-mismatch" => Failure::AllowOriginMismatch(v),
            "allow-credentials-not-true" => Failure::AllowCredentialsNotTrue(v),
            "preflight-status" => Failure::PreflightStatus(status),
            "preflight-redirect" => Failure::PreflightRedirect,
            "invalid-allow-methods" => Failure::InvalidAllowMethods(v),
            "invalid-allow-headers" => Failure::InvalidAllowHeaders(v),
            "method-not-allowed" => Failure::MethodNotAllowed(v),
            "header-not-allowed" => Failure::HeaderNotAllowed(v),
            "redirect-with-credentials" => Failure::RedirectWithCredentials(v),
            "too-many-redirects" => Failure::TooManyRedirects,
            "redirect-scheme" => Failure::RedirectScheme(v),
            "mixed-content" => Failure::MixedContent,
            "local-network-access" => Failure::LocalNetworkAccess(Space::parse(value)?),
            "insecure-private-network" => Failure::InsecurePrivateNetwork(Space::parse(value)?),
            _ => return None,
        })
    }
}
