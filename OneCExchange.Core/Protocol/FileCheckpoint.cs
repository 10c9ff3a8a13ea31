namespace OneCExchange.Core.Protocol;

public enum FileImportStatus { Running, Done, Failed }

/// <summary>How far the import of one staged file got; saved after every step.</summary>
/// <param name="IsFullPackage">The file's catalog or offer package says СодержитТолькоИзменения="false".</param>
public sealed record FileCheckpoint(
    string SessionId,
    string RelativePath,
    long ItemsCompleted,
    FileImportStatus Status,
    bool IsFullPackage,
    string? Message,
    DateTimeOffset UpdatedAt);
