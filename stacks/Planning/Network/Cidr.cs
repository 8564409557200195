using System.Net;

namespace Superset.Planning.Network;

/// <summary>IPv4 address blocks, as NetworkPolicy's ipBlock reads them.</summary>
public static class Cidr
{
    /// <summary>Whether <paramref name="cidr"/> (a.b.c.d/n) contains <paramref name="address"/>.</summary>
    public static bool Contains(string cidr, string address)
    {
        ArgumentNullException.ThrowIfNull(cidr);
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        var bits = slash < 0 ? 32 : int.Parse(cidr[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var mask = bits == 0 ? 0u : uint.MaxValue << (32 - bits);
        return (ToUInt(slash < 0 ? cidr : cidr[..slash]) & mask) == (ToUInt(address) & mask);
    }

    /// <summary>The first address after the block's network address (what the matrix tries as a source in it).</summary>
    public static string FirstHost(string cidr)
    {
        ArgumentNullException.ThrowIfNull(cidr);
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        var bits = slash < 0 ? 32 : int.Parse(cidr[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var network = ToUInt(slash < 0 ? cidr : cidr[..slash]) & (bits == 0 ? 0u : uint.MaxValue << (32 - bits));
        var host = bits >= 31 ? network : network + 1;
        return new IPAddress([(byte)(host >> 24), (byte)(host >> 16), (byte)(host >> 8), (byte)host]).ToString();
    }

    private static uint ToUInt(string address)
    {
        var b = IPAddress.Parse(address).GetAddressBytes();
        return ((uint)b[0] << 24) | ((uint)b[1] << 16) | ((uint)b[2] << 8) | b[3];
    }
}
