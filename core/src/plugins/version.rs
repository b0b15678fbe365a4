//! Which plugin API a plugin was built for: `MAJOR.MINOR.PATCH`, the version this server speaks
//! (read from the WIT when the server is compiled), the earlier lines it still runs, and which
//! runs on which. Re-exported by `plugins::manifest`.

use std::fmt;
use std::str::FromStr;

/// The plugin API this server speaks: the version of the WIT package `sdk/wit/roster-plugin.wit`
/// (its `package roster:plugin@X.Y.Z;` line), read when the server is compiled. The SDK takes its
/// `API_VERSION` from the same line (`sdk/build.rs`): the version is defined there once.
pub const API_VERSION: Version = wit_version(include_str!("../../../sdk/wit/roster-plugin.wit"));

/// Plugin API 0.1.0, the first: still run, through its frozen WIT (`sdk/wit-frozen/0.1.0/`).
pub const API_0_1: Version = Version {
    major: 0,
    minor: 1,
    patch: 0,
};

/// The plugin API lines this server runs, and so the bindings a plugin is called through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Api {
    /// Built for 0.1.x: linked through the frozen 0.1.0 bindings (`super::api_0_1`).
    V0_1,
    /// Built for [`API_VERSION`]'s line.
    Current,
}

impl Api {
    /// The WIT package version whose interfaces a plugin of this line imports and exports.
    pub fn package_version(self) -> Version {
        match self {
            Self::V0_1 => API_0_1,
            Self::Current => API_VERSION,
        }
    }
}

/// The `X.Y.Z` of the first `package roster:plugin@X.Y.Z;` in `wit`, at compile time; 0.0.0 when
/// there is none (a test fails on that).
pub(super) const fn wit_version(wit: &str) -> Version {
    const MARKER: &[u8] = b"package roster:plugin@";
    let bytes = wit.as_bytes();
    let mut start = 0;
    while start + MARKER.len() <= bytes.len() {
        let mut matched = 0;
        while matched < MARKER.len() && bytes[start + matched] == MARKER[matched] {
            matched += 1;
        }
        if matched == MARKER.len() {
            let mut parts = [0u64; 3];
            let (mut part, mut at) = (0, start + MARKER.len());
            while at < bytes.len() && bytes[at] != b';' && part < 3 {
                match bytes[at] {
                    b'.' => part += 1,
                    digit @ b'0'..=b'9' => parts[part] = parts[part] * 10 + (digit - b'0') as u64,
                    _ => {}
                }
                at += 1;
            }
            return Version {
                major: parts[0],
                minor: parts[1],
                patch: parts[2],
            };
        }
        start += 1;
    }
    Version {
        major: 0,
        minor: 0,
        patch: 0,
    }
}

/// `MAJOR.MINOR.PATCH`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Version {
    pub major: u64,
    pub minor: u64,
    pub patch: u64,
}

impl FromStr for Version {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let parts: Vec<u64> = s
            .split('.')
            .map(|p| p.parse::<u64>())
            .collect::<Result<_, _>>()
            .map_err(|_| format!("`{s}` is not a version like 0.1.0"))?;
        match parts[..] {
            [major, minor, patch] => Ok(Self {
                major,
                minor,
                patch,
            }),
            _ => Err(format!("`{s}` is not a version like 0.1.0")),
        }
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

impl Version {
    /// Whether a plugin built for `self` runs on a host speaking `host`: the same major version
    /// (the same minor while the major is 0) and nothing newer than the host.
    pub fn runs_on(self, host: Version) -> bool {
        let same_line = if host.major == 0 {
            self.major == 0 && self.minor == host.minor
        } else {
            self.major == host.major
        };
        same_line && self <= host
    }

    /// The line of this server a plugin built for `self` runs on: the current one, or an earlier
    /// one still served; `None` when it needs a newer server (or an API line no longer served).
    pub fn api(self) -> Option<Api> {
        if self.runs_on(API_VERSION) {
            Some(Api::Current)
        } else if self.runs_on(API_0_1) {
            Some(Api::V0_1)
        } else {
            None
        }
    }
}
