namespace Mayar.Credit.Client;

/// <summary>An operation whose success is a <typeparamref name="TResult"/>.</summary>
public abstract class MayarOperation<TResult> : MayarOperation
    where TResult : class
{
    internal MayarOperation()
    {
    }

    /// <summary>Reads the success payload, tolerating the documented variants.</summary>
    internal abstract TResult Read(MayarPayload payload);

    internal sealed override object ReadResult(MayarPayload payload) => Read(payload);
}
