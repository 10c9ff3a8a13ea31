namespace Nop.Core.Domain.Media;

public partial class PictureBinary : BaseEntity
{
    public byte[] BinaryData { get; set; }

    public int PictureId { get; set; }
}
