//! Who the client is: its address from the connection, or from `X-Forwarded-For` when the
//! connection comes from a trusted reverse proxy (and only then: anyone can write the header).

use std::net::IpAddr;

/// An address block: `192.0.2.0/24`, `2001:db8::/32`, or one address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cidr {
    base: IpAddr,
    bits: u8,
}

impl Cidr {
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let (addr, bits) = match text.split_once('/') {
            Some((a, b)) => (a, Some(b)),
            None => (text, None),
        };
        let base: IpAddr = addr
            .parse()
            .map_err(|_| format!("{text:?} is not an address"))?;
        let max = if base.is_ipv4() { 32 } else { 128 };
        let bits = match bits {
            Some(b) => b
                .parse::<u8>()
                .ok()
                .filter(|b| *b <= max)
                .ok_or_else(|| format!("{text:?}: the prefix is not 0 to {max}"))?,
            None => max,
        };
        Ok(Self { base, bits })
    }

    /// A comma-separated list; empty items are skipped.
    pub fn parse_list(text: &str) -> Result<Vec<Self>, String> {
        text.split(',')
            .filter(|t| !t.trim().is_empty())
            .map(Self::parse)
            .collect()
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = match ip {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(ip),
            v4 => v4,
        };
        match (self.base, ip) {
            (IpAddr::V4(b), IpAddr::V4(a)) => {
                prefix(u32::from(b).into(), u32::from(a).into(), self.bits, 32)
            }
            (IpAddr::V6(b), IpAddr::V6(a)) => prefix(u128::from(b), u128::from(a), self.bits, 128),
            _ => false,
        }
    }
}

fn prefix(base: u128, addr: u128, bits: u8, width: u32) -> bool {
    if bits == 0 {
        return true;
    }
    let shift = width - u32::from(bits);
    (base >> shift) == (addr >> shift)
}

/// The client's address: the peer, unless the peer is a trusted proxy; then the rightmost
/// address of `X-Forwarded-For` that is not itself a trusted proxy (the leftmost ones are
/// whatever the client wrote).
pub fn client_address(peer: IpAddr, forwarded_for: Option<&str>, trusted: &[Cidr]) -> IpAddr {
    let is_trusted = |ip: IpAddr| trusted.iter().any(|c| c.contains(ip));
    if !is_trusted(peer) {
        return peer;
    }
    let Some(chain) = forwarded_for else {
        return peer;
    };
    let mut client = peer;
    for hop in chain.rsplit(',') {
        match hop.trim().parse::<IpAddr>() {
            Ok(ip) => {
                client = ip;
                if !is_trusted(ip) {
                    break;
                }
            }
            Err(_) => break,
        }
    }
    client
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn blocks_contain_their_addresses() {
        for (block, addr, inside) in [
            ("10.0.0.0/8", "10.1.2.3", true),
            ("10.0.0.0/8", "11.0.0.1", false),
            ("192.0.2.7", "192.0.2.7", true),
            ("192.0.2.7", "192.0.2.8", false),
            ("0.0.0.0/0", "203.0.113.9", true),
            ("2001:db8::/32", "2001:db8:ffff::1", true),
            ("2001:db8::/32", "2001:db9::1", false),
            ("10.0.0.0/8", "::ffff:10.0.0.1", true),
            ("10.0.0.0/8", "2001:db8::1", false),
        ] {
            assert_eq!(
                Cidr::parse(block).unwrap().contains(ip(addr)),
                inside,
                "{block} {addr}"
            );
        }
        for bad in [
            "",
            "10.0.0.0/33",
            "2001:db8::/129",
            "example.org",
            "10.0.0.0/x",
        ] {
            assert!(Cidr::parse(bad).is_err(), "{bad:?}");
        }
        assert_eq!(Cidr::parse_list(" 10.0.0.0/8, ,::1 ").unwrap().len(), 2);
    }

    #[test]
    fn the_forwarded_address_is_believed_from_trusted_proxies_only() {
        let trusted = Cidr::parse_list("10.0.0.0/8").unwrap();
        for (peer, header, client) in [
            // Not a proxy: its header is whatever it wrote.
            ("203.0.113.9", Some("198.51.100.1"), "203.0.113.9"),
            // The proxy's word: the address that reached it.
            ("10.0.0.2", Some("198.51.100.1"), "198.51.100.1"),
            // The client wrote a first address itself; the proxy appended the real one.
            ("10.0.0.2", Some("1.2.3.4, 198.51.100.1"), "198.51.100.1"),
            // Two proxies in a row.
            ("10.0.0.2", Some("198.51.100.1, 10.0.0.3"), "198.51.100.1"),
            ("10.0.0.2", None, "10.0.0.2"),
            ("10.0.0.2", Some("garbage"), "10.0.0.2"),
        ] {
            assert_eq!(
                client_address(ip(peer), header, &trusted),
                ip(client),
                "{peer} {header:?}"
            );
        }
        assert_eq!(
            client_address(ip("10.0.0.2"), Some("198.51.100.1"), &[]),
            ip("10.0.0.2"),
            "no proxy trusted by default"
        );
    }
}
