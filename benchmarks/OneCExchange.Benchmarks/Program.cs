Console.Error.WriteLine("usage: OneCExchange.Benchmarks <reader|pipeline> ...");
return 2;
