namespace OneCExchange.Core.Staging;

/// <summary>A refused upload or unpack: bad name, quota exceeded, truncated body, unsafe zip. The message is for 1C.</summary>
public sealed class StagingException(string message, Exception? inner = null) : Exception(message, inner);
