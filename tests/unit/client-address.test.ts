// Which X-Forwarded-For entry names the client, for each TRUST_PROXY setting.
import { describe, expect, it } from "vitest";
import { clientAddressResolver, parseProxyTrust, type ProxyTrust } from "../../server/http/client-address.ts";
import { loadConfig } from "../../server/config.ts";

const trust = (value: string): ProxyTrust => {
  const parsed = parseProxyTrust(value);
  if ("problem" in parsed) throw new Error(parsed.problem);
  return parsed.trust;
};

describe("TRUST_PROXY", () => {
  it("is off by default and for false/0/empty", () => {
    expect(loadConfig({}).trustProxy).toEqual({ kind: "off" });
    for (const value of ["", "false", "0", "off"]) expect(trust(value)).toEqual({ kind: "off" });
  });

  it("takes a hop count or a list of addresses and CIDR networks, and refuses anything else", () => {
    expect(trust("2")).toEqual({ kind: "hops", hops: 2 });
    expect(trust("10.0.0.0/8, 192.168.1.5, fd00::/8")).toEqual({ kind: "list", entries: ["10.0.0.0/8", "192.168.1.5", "fd00::/8"] });
    for (const bad of ["11", "10.0.0.0/33", "proxy.example", "10.0.0.1/x"]) expect(parseProxyTrust(bad)).toHaveProperty("problem");
    expect(() => loadConfig({ TRUST_PROXY: "nonsense" })).toThrow(/TRUST_PROXY/);
  });
});

describe("the client address", () => {
  it("is the socket peer when no proxy is trusted, whatever the header says", () => {
    const resolve = clientAddressResolver(trust(""));
    expect(resolve("::ffff:203.0.113.9", "1.2.3.4")).toBe("203.0.113.9");
  });

  it("with a hop count, is the entry the outermost trusted proxy appended", () => {
    const one = clientAddressResolver(trust("1"));
    expect(one("10.0.0.2", "203.0.113.50")).toBe("203.0.113.50");
    expect(one("10.0.0.2", "6.6.6.6, 203.0.113.50")).toBe("203.0.113.50");
    expect(one("10.0.0.2", undefined)).toBe("10.0.0.2");
    const two = clientAddressResolver(trust("2"));
    expect(two("10.0.0.2", "6.6.6.6, 203.0.113.50, 10.0.0.1")).toBe("203.0.113.50");
  });

  it("with a list, walks back past trusted proxies only, and believes nothing before a garbage entry", () => {
    const resolve = clientAddressResolver(trust("10.0.0.0/8"));
    expect(resolve("10.0.0.2", "6.6.6.6, 203.0.113.50, 10.1.2.3")).toBe("203.0.113.50");
    // The peer is not a trusted proxy: its header is not believed at all.
    expect(resolve("198.51.100.7", "203.0.113.50")).toBe("198.51.100.7");
    expect(resolve("10.0.0.2", "203.0.113.50, garbage")).toBe("10.0.0.2");
    expect(resolve("::ffff:10.0.0.2", "2001:db8::1")).toBe("2001:db8::1");
  });
});
