Console.Error.WriteLine("usage: onec <analyze|generate|replay> ...");
return 2;
