namespace Mayar.Credit.Client;

/// <summary>Receives one record per HTTP exchange. Called on whichever thread completes the request.</summary>
public interface IMayarTraceListener
{
    /// <summary>An exchange finished (with a response or without).</summary>
    void OnRequestCompleted(MayarRequestRecord record);
}
