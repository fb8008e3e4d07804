using System;
using System.Net;
using System.Runtime.InteropServices;

namespace Mayar.Credit.Client;

/// <summary>
/// What .NET Framework (Windows PowerShell 5.1) needs before the first request; nothing on .NET (Core), whose
/// handler negotiates TLS with the OS and has no per-host connection limit.
/// </summary>
public static class NetFrameworkNetworking
{
    /// <summary>Connections per host allowed at least: the most requests a batch keeps in flight.</summary>
    public const int MinimumConnectionLimit = OrderedWindow<object, object>.MaxLimit;

#if NETSTANDARD2_0
    private static readonly object Gate = new();
#endif

    /// <summary>True on .NET Framework.</summary>
    public static bool IsNetFramework { get; } = IsFrameworkDescription(RuntimeInformation.FrameworkDescription);

    /// <summary>
    /// Adds TLS 1.2 to the process's protocols (keeping the ones set) and raises the connection limit for
    /// <paramref name="baseUri"/>'s host from .NET Framework's default of 2. Never lowers or removes anything.
    /// </summary>
    public static void Apply(Uri baseUri)
    {
        if (!IsNetFramework)
        {
            return;
        }

        // Only the netstandard2.0 build runs on .NET Framework; the net8.0 build (where ServicePoint is obsolete) never gets here.
#if NETSTANDARD2_0
        lock (Gate)
        {
            ServicePointManager.SecurityProtocol = WithTls12(ServicePointManager.SecurityProtocol);
            ServicePointManager.DefaultConnectionLimit = Raised(ServicePointManager.DefaultConnectionLimit);
            var servicePoint = ServicePointManager.FindServicePoint(baseUri);
            servicePoint.ConnectionLimit = Raised(servicePoint.ConnectionLimit);
        }
#endif
    }

    /// <summary>
    /// TLS 1.2 OR-ed into <paramref name="current"/>. SystemDefault (0) is left alone: the OS then picks the
    /// protocols, TLS 1.2 and later included, and OR-ing would pin the process to TLS 1.2 only.
    /// </summary>
    public static SecurityProtocolType WithTls12(SecurityProtocolType current) =>
        current == SystemDefault ? current : current | SecurityProtocolType.Tls12;

    /// <summary>The connection limit to use: at least <see cref="MinimumConnectionLimit"/>, never lower than now.</summary>
    public static int Raised(int current) => Math.Max(current, MinimumConnectionLimit);

    /// <summary>True for a <see cref="RuntimeInformation.FrameworkDescription"/> of .NET Framework.</summary>
    public static bool IsFrameworkDescription(string description) =>
        description.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

    // Not named in netstandard2.0's enum, but the value .NET Framework 4.7+ uses for "let the OS decide".
    private const SecurityProtocolType SystemDefault = 0;
}
