namespace LinqToDB.Data
{
    /// <summary>A named parameter of a plain SQL command (the members both 5.4 and 6.5 have).</summary>
    public class DataParameter
    {
        public DataParameter(string name, object value)
        {
            Name = name;
            Value = value;
        }

        public string Name { get; set; }

        public object Value { get; set; }
    }
}
