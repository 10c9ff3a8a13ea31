namespace Nop.Core.Domain.Catalog;

public enum AttributeControlType
{
    DropdownList = 1,

    RadioList = 2,

    Checkboxes = 3,

    TextBox = 4,

    MultilineTextbox = 10,

    Datepicker = 20,

    FileUpload = 30,

    ColorSquares = 40,

    ImageSquares = 45,

    ReadonlyCheckboxes = 50
}
