/**
 * Common first names in Finland, Sweden, English-speaking countries and Poland, for PII redaction
 * (`src/text/redact.ts`): a listed name followed by a capitalised word is taken as first name +
 * surname. Names that are also everyday words at the start of a sentence are left out on purpose
 * (fi Onni, Toivo, Oiva, Satu, Suvi, Lumi, Tuuli, Veli, Lempi, Usko; sv Bo, Dag, Tor; en Will, May,
 * June, April, Bill, Mark, Grace, Hope, Rose, Frank, Joy, Dawn; pl Róża), and so are names that are
 * also brands the feedback talks about (fi Elisa, Helen).
 */
export const FIRST_NAMES: readonly string[] = [
  // fi
  'Aada', 'Aila', 'Aino', 'Aki', 'Aleksi', 'Anja', 'Anne', 'Anneli', 'Anni', 'Antti', 'Ari', 'Arja', 'Arto', 'Eero', 'Eija', 'Eila',
  'Eino', 'Elina', 'Emilia', 'Erkki', 'Esa', 'Hanna', 'Hannu', 'Harri', 'Heikki', 'Heli', 'Helena', 'Hilkka', 'Iida', 'Ilkka',
  'Irmeli', 'Jaana', 'Jani', 'Janne', 'Jari', 'Jarmo', 'Jorma', 'Jouko', 'Juha', 'Juhani', 'Jukka', 'Jussi', 'Jyrki', 'Kaarina',
  'Kaija', 'Kalle', 'Kari', 'Kati', 'Katja', 'Kirsi', 'Kristiina', 'Kyösti', 'Lauri', 'Leena', 'Liisa', 'Maija', 'Marja', 'Marjatta',
  'Markku', 'Marko', 'Matti', 'Merja', 'Mika', 'Mikko', 'Minna', 'Mirja', 'Niina', 'Niko', 'Outi', 'Paavo', 'Pasi', 'Pauli', 'Pekka',
  'Pentti', 'Petri', 'Pirjo', 'Päivi', 'Raija', 'Raimo', 'Riikka', 'Riitta', 'Risto', 'Ritva', 'Sami', 'Sanna', 'Sari', 'Seppo',
  'Sirpa', 'Sisko', 'Tapani', 'Tapio', 'Tarja', 'Teemu', 'Tero', 'Timo', 'Tiina', 'Tuomas', 'Tuula', 'Tuulikki', 'Ulla', 'Veikko',
  'Ville', 'Väinö', 'Yrjö',
  // sv
  'Agneta', 'Anders', 'Astrid', 'Birgitta', 'Björn', 'Bengt', 'Britt', 'Camilla', 'Elin', 'Erik', 'Eva', 'Fredrik', 'Gunilla',
  'Gustav', 'Göran', 'Hans', 'Helena', 'Ingrid', 'Jan', 'Johan', 'Jonas', 'Karin', 'Kerstin', 'Kristina', 'Lars', 'Leif', 'Lena',
  'Linnea', 'Magnus', 'Malin', 'Margareta', 'Maria', 'Marie', 'Mats', 'Mikael', 'Nils', 'Olof', 'Ola', 'Oskar', 'Per-Olof',
  'Pernilla', 'Sara', 'Sven', 'Ulf', 'Ulrika', 'Åsa', 'Stefan', 'Ebba', 'Elsa', 'Henrik', 'Ingela', 'Kjell', 'Mattias', 'Sofia',
  'Torbjörn', 'Birgit', 'Annika', 'Gunnar', 'Håkan', 'Linda',
  // en
  'Alice', 'Amanda', 'Andrew', 'Anthony', 'Ashley', 'Barbara', 'Brian', 'Charles', 'Charlotte', 'Christopher', 'Daniel', 'David',
  'Deborah', 'Donald', 'Edward', 'Elizabeth', 'Emily', 'Emma', 'Gary', 'George', 'Harry', 'Jacob', 'James', 'Jason',
  'Jennifer', 'Jessica', 'John', 'Joseph', 'Joshua', 'Karen', 'Kevin', 'Laura', 'Linda', 'Lisa', 'Margaret', 'Mary', 'Matthew',
  'Michael', 'Michelle', 'Nancy', 'Olivia', 'Oliver', 'Patricia', 'Paul', 'Peter', 'Rachel', 'Rebecca', 'Richard', 'Robert', 'Ryan',
  'Sarah', 'Steven', 'Susan', 'Thomas', 'Timothy', 'William', 'Sophie', 'Kate', 'Katie', 'Lucy', 'Megan', 'Chloe',
  'Samantha', 'Stephen', 'Simon', 'Jonathan', 'Nicholas', 'Benjamin',
  // pl
  'Adam', 'Agnieszka', 'Aleksandra', 'Andrzej', 'Anna', 'Barbara', 'Beata', 'Bogdan', 'Dariusz', 'Dorota', 'Elżbieta', 'Ewa',
  'Grażyna', 'Grzegorz', 'Halina', 'Irena', 'Jacek', 'Jadwiga', 'Jakub', 'Janina', 'Janusz', 'Jerzy', 'Joanna', 'Józef', 'Justyna',
  'Kamil', 'Kamila', 'Karolina', 'Katarzyna', 'Kasia', 'Krystyna', 'Krzysztof', 'Łukasz', 'Maciej', 'Magdalena', 'Małgorzata',
  'Marcin', 'Marek', 'Mariusz', 'Marta', 'Mateusz', 'Michał', 'Monika', 'Natalia', 'Paulina', 'Paweł', 'Piotr', 'Przemysław',
  'Rafał', 'Robert', 'Ryszard', 'Sebastian', 'Stanisław', 'Sylwia', 'Szymon', 'Tadeusz', 'Teresa', 'Tomasz', 'Urszula', 'Wiesław',
  'Wojciech', 'Zbigniew', 'Zofia', 'Bartosz', 'Dawid', 'Wiktoria', 'Zuzanna', 'Julia', 'Weronika',
];
