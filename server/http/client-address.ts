// The client's address, believing X-Forwarded-For only as far as TRUST_PROXY says. Anyone can
// send the header; only the entries appended by proxies we trust are facts. Walking the header
// from the right (the most recent hop first), each trusted hop vouches for the address before it.
import { BlockList, isIP } from "node:net";

export type ProxyTrust =
  | { kind: "off" }
  /** This many proxies stand in front of the server (e.g. 1 for one load balancer). */
  | { kind: "hops"; hops: number }
  /** Requests from these addresses or networks are proxies. */
  | { kind: "list"; entries: string[] };

/** Parses TRUST_PROXY: empty/"false"/"0" → off; a number → hops; else a comma-separated list of addresses/CIDRs. */
export function parseProxyTrust(value: string): { trust: ProxyTrust } | { problem: string } {
  const text = value.trim();
  if (text === "" || text === "false" || text === "0" || text === "off") return { trust: { kind: "off" } };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops >= 1 && hops <= 10 ? { trust: { kind: "hops", hops } } : { problem: "a hop count must be between 1 and 10" };
  }
  const entries = text.split(",").map((entry) => entry.trim()).filter(Boolean);
  for (const entry of entries) {
    if (!toBlockRule(entry)) return { problem: `"${entry}" is not an IP address or CIDR network` };
  }
  return { trust: { kind: "list", entries } };
}

function toBlockRule(entry: string): { address: string; prefix: number | null; family: "ipv4" | "ipv6" } | null {
  const [address = "", prefixText] = entry.split("/");
  const version = isIP(address);
  if (version === 0) return null;
  const family = version === 4 ? "ipv4" : "ipv6";
  if (prefixText === undefined) return { address, prefix: null, family };
  if (!/^\d+$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  return prefix <= (version === 4 ? 32 : 128) ? { address, prefix, family } : null;
}

/** "::ffff:10.0.0.1" → "10.0.0.1", so IPv4 rules match IPv4 peers on a dual-stack socket. */
export function normaliseAddress(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped?.[1] ?? trimmed;
}

export type ClientAddressResolver = (socketAddress: string | undefined, forwardedFor: string | undefined) => string;

export function clientAddressResolver(trust: ProxyTrust): ClientAddressResolver {
  if (trust.kind === "off") return (socketAddress) => normaliseAddress(socketAddress ?? "");
  if (trust.kind === "hops") {
    return (socketAddress, forwardedFor) => {
      const chain = [...splitForwarded(forwardedFor), normaliseAddress(socketAddress ?? "")];
      // The socket peer is the nearest proxy; each of `hops` proxies appended the address it saw.
      return chain[Math.max(0, chain.length - 1 - trust.hops)] ?? "";
    };
  }
  const proxies = new BlockList();
  for (const entry of trust.entries) {
    const rule = toBlockRule(entry)!;
    if (rule.prefix === null) proxies.addAddress(rule.address, rule.family);
    else proxies.addSubnet(rule.address, rule.prefix, rule.family);
  }
  const isProxy = (address: string) => {
    const version = isIP(address);
    return version !== 0 && proxies.check(address, version === 4 ? "ipv4" : "ipv6");
  };
  return (socketAddress, forwardedFor) => {
    const chain = [...splitForwarded(forwardedFor), normaliseAddress(socketAddress ?? "")];
    let index = chain.length - 1;
    while (index > 0 && isProxy(chain[index]!)) index -= 1;
    return chain[index] ?? "";
  };
}

// Entries that are not addresses (garbage, "unknown") end the chain: nothing before them is believed.
function splitForwarded(header: string | undefined): string[] {
  if (!header) return [];
  const entries = header.split(",").map(normaliseAddress);
  const lastInvalid = entries.map((entry) => isIP(entry) !== 0).lastIndexOf(false);
  return lastInvalid === -1 ? entries : entries.slice(lastInvalid + 1);
}
