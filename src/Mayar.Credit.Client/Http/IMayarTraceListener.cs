namespace Mayar.Credit.Client;

/// <summary>Receives one record per HTTP exchange, per wait and per reconciliation. Called on whichever thread is running the request.</summary>
public interface IMayarTraceListener
{
    /// <summary>An exchange finished (with a response or without).</summary>
    void OnRequestCompleted(MayarRequestRecord record);

    /// <summary>The client is about to wait: before a retry, or for the connection's pace when the wait is long.</summary>
    void OnWaiting(MayarWaitRecord record);

    /// <summary>A credit movement whose answer was lost was checked against the customer's credit history.</summary>
    void OnReconciled(MayarReconcileRecord record);
}
