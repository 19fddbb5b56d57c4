"""Reading what people bring: tables, event folders, the UN voting file; and writing event files safely."""
