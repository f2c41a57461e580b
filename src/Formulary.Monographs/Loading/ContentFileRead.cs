using Formulary.Monographs.Diagnostics;

namespace Formulary.Monographs.Loading;

/// <summary>
/// The bytes read from a content file: all of them, or the first limit + 1 when
/// <see cref="TooLarge"/>; or, when the file was refused or could not be read, why. <see cref="Stamp"/>: the opened
/// file's stamp, taken before its first byte was read (null where it is not known: a link, the portable path).
/// </summary>
public sealed record ContentFileRead(byte[] Bytes, bool TooLarge, Diagnostic? Problem)
{
    public FileStamp? Stamp { get; init; }

    public static ContentFileRead Refused(Diagnostic problem) => new([], false, problem);
}
