using System;
using System.Net;
using System.Net.Sockets;

namespace Mayar.Credit.Client;

/// <summary>Tells a failure to connect (nothing was sent, so a write may be retried) from a connection that broke later.</summary>
internal static class MayarTransportErrors
{
    public static bool IsConnectFailure(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            // .NET 8+: HttpRequestException.HttpRequestError; read by name, since netstandard2.0 lacks it.
            if (current is System.Net.Http.HttpRequestException)
            {
                var error = current.GetType().GetProperty("HttpRequestError")?.GetValue(current)?.ToString();
                if (error is "ConnectionError" or "NameResolutionError")
                {
                    return true;
                }
            }

            if (current is SocketException socket && socket.SocketErrorCode is SocketError.ConnectionRefused
                    or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable
                    or SocketError.TryAgain or SocketError.NoData or SocketError.AddressNotAvailable)
            {
                return true;
            }

            // .NET Framework (Windows PowerShell 5.1) reports through WebException.
            if (current is WebException web && web.Status is WebExceptionStatus.ConnectFailure
                    or WebExceptionStatus.NameResolutionFailure or WebExceptionStatus.ProxyNameResolutionFailure)
            {
                return true;
            }
        }

        return false;
    }
}
