var ImportedFromCsx = "csx";
