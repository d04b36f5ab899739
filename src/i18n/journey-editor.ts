/**
 * Texts of the journey and touchpoint editor (/app/setup/journeys) in the four UI languages.
 * Channel and phase names come from dashboard.ts, the shared form texts from work.ts.
 */
import type { UiLanguage } from './index.ts';

export interface JourneyEditorStrings {
  section: [string, string];
  caption: string; none: string; persona: string; description: string; stages: string; touchpoints: string;
  newJourney: string; create: string; edit: (name: string) => string; journeyDetails: string; saveJourney: string;
  removeJourney: string; confirmRemoveJourney: (name: string) => string;
  stagesHeading: string; noStages: string; stageHeading: (position: number, name: string) => string; stageName: string; phase: string;
  saveStage: string; moveUp: string; moveDown: string; removeStage: string; confirmRemoveStage: (name: string) => string; stageNotEmpty: string;
  addStage: string; addStageSubmit: string;
  noTouchpoints: string; touchpointCaption: (stage: string) => string; channel: string; ownerUnit: string; noOwner: string; mode: string;
  modes: { active: string; passive: string }; stage: string; editTouchpoint: string; addTouchpoint: (stage: string) => string; addTouchpointSubmit: string;
  touchpointTitle: (name: string) => string; saveTouchpoint: string; removeTouchpoint: string; confirmRemoveTouchpoint: (name: string) => string;
  stageHint: string;
  /** Why something was not removed: responses or other set-up still refer to it. */
  hasResponses: (what: 'journey' | 'stage' | 'touchpoint') => string; stillUsed: (what: 'journey' | 'stage' | 'touchpoint') => string;
  done: { created: string; saved: string; removed: string; stageAdded: string; stageSaved: string; stageMoved: string; stageRemoved: string; touchpointAdded: string; touchpointSaved: string; touchpointRemoved: string };
}

const en: JourneyEditorStrings = {
  section: ['Journeys and touchpoints', 'The customer journeys, their stages in order and the touchpoints of each stage, as the journey map shows them.'],
  caption: 'Journeys', none: 'There are no journeys yet. Create the first one below.', persona: 'Persona', description: 'Description', stages: 'Stages', touchpoints: 'Touchpoints',
  newJourney: 'New journey', create: 'Create journey', edit: (name) => `Journey: ${name}`, journeyDetails: 'Name and persona', saveJourney: 'Save journey',
  removeJourney: 'Remove journey', confirmRemoveJourney: (name) => `Remove the journey “${name}” with its stages and touchpoints? This cannot be undone.`,
  stagesHeading: 'Stages in order', noStages: 'This journey has no stages yet.', stageHeading: (p, name) => `${p}. ${name}`, stageName: 'Stage name', phase: 'Phase',
  saveStage: 'Save stage', moveUp: 'Move up', moveDown: 'Move down', removeStage: 'Remove stage', confirmRemoveStage: (name) => `Remove the stage “${name}”?`,
  stageNotEmpty: 'Only an empty stage can be removed: move or remove its touchpoints first.',
  addStage: 'Add a stage', addStageSubmit: 'Add stage',
  noTouchpoints: 'No touchpoints in this stage.', touchpointCaption: (stage) => `Touchpoints of ${stage}`, channel: 'Channel', ownerUnit: 'Owner unit', noOwner: 'No owner unit', mode: 'Kind',
  modes: { active: 'Asked (survey)', passive: 'Observed (events)' }, stage: 'Stage', editTouchpoint: 'Edit', addTouchpoint: (stage) => `Add a touchpoint to ${stage}`, addTouchpointSubmit: 'Add touchpoint',
  touchpointTitle: (name) => `Touchpoint: ${name}`, saveTouchpoint: 'Save touchpoint', removeTouchpoint: 'Remove touchpoint', confirmRemoveTouchpoint: (name) => `Remove the touchpoint “${name}”?`,
  stageHint: 'Choose another stage to move the touchpoint there. Its responses stay with it.',
  hasResponses: (what) => `This ${what} has responses, so it is kept: removing it would lose where those answers came from. Rename or move it instead.`,
  stillUsed: (what) => `This ${what} is still used by surveys, distribution rules or other set-up, so it is kept. Change those first.`,
  done: { created: 'The journey was created.', saved: 'The journey was saved.', removed: 'The journey was removed.', stageAdded: 'The stage was added.', stageSaved: 'The stage was saved.', stageMoved: 'The stage was moved.', stageRemoved: 'The stage was removed.', touchpointAdded: 'The touchpoint was added.', touchpointSaved: 'The touchpoint was saved.', touchpointRemoved: 'The touchpoint was removed.' },
};

const whatFi = { journey: 'polulla', stage: 'vaiheella', touchpoint: 'kosketuspisteellä' } as const;
const whatFiNom = { journey: 'Polkua', stage: 'Vaihetta', touchpoint: 'Kosketuspistettä' } as const;
const fi: JourneyEditorStrings = {
  section: ['Polut ja kosketuspisteet', 'Asiakaspolut, niiden vaiheet järjestyksessä ja kunkin vaiheen kosketuspisteet, kuten polkukartta ne näyttää.'],
  caption: 'Polut', none: 'Polkuja ei ole vielä. Luo ensimmäinen alla.', persona: 'Persoona', description: 'Kuvaus', stages: 'Vaiheet', touchpoints: 'Kosketuspisteet',
  newJourney: 'Uusi polku', create: 'Luo polku', edit: (name) => `Polku: ${name}`, journeyDetails: 'Nimi ja persoona', saveJourney: 'Tallenna polku',
  removeJourney: 'Poista polku', confirmRemoveJourney: (name) => `Poistetaanko polku ”${name}” vaiheineen ja kosketuspisteineen? Tätä ei voi perua.`,
  stagesHeading: 'Vaiheet järjestyksessä', noStages: 'Polulla ei ole vielä vaiheita.', stageHeading: (p, name) => `${p}. ${name}`, stageName: 'Vaiheen nimi', phase: 'Ostovaihe',
  saveStage: 'Tallenna vaihe', moveUp: 'Siirrä ylös', moveDown: 'Siirrä alas', removeStage: 'Poista vaihe', confirmRemoveStage: (name) => `Poistetaanko vaihe ”${name}”?`,
  stageNotEmpty: 'Vain tyhjän vaiheen voi poistaa: siirrä tai poista sen kosketuspisteet ensin.',
  addStage: 'Lisää vaihe', addStageSubmit: 'Lisää vaihe',
  noTouchpoints: 'Vaiheessa ei ole kosketuspisteitä.', touchpointCaption: (stage) => `Vaiheen ${stage} kosketuspisteet`, channel: 'Kanava', ownerUnit: 'Vastuuyksikkö', noOwner: 'Ei vastuuyksikköä', mode: 'Laji',
  modes: { active: 'Kysytty (kysely)', passive: 'Havaittu (tapahtumat)' }, stage: 'Vaihe', editTouchpoint: 'Muokkaa', addTouchpoint: (stage) => `Lisää kosketuspiste vaiheeseen ${stage}`, addTouchpointSubmit: 'Lisää kosketuspiste',
  touchpointTitle: (name) => `Kosketuspiste: ${name}`, saveTouchpoint: 'Tallenna kosketuspiste', removeTouchpoint: 'Poista kosketuspiste', confirmRemoveTouchpoint: (name) => `Poistetaanko kosketuspiste ”${name}”?`,
  stageHint: 'Valitse toinen vaihe siirtääksesi kosketuspisteen sinne. Sen vastaukset säilyvät sen mukana.',
  hasResponses: (what) => `${whatFi[what][0].toUpperCase()}${whatFi[what].slice(1)} on vastauksia, joten se säilytetään: poistaminen hävittäisi tiedon siitä, mistä vastaukset tulivat. Nimeä tai siirrä se mieluummin.`,
  stillUsed: (what) => `${whatFiNom[what]} käyttävät vielä kyselyt, jakelusäännöt tai muut asetukset, joten se säilytetään. Muuta niitä ensin.`,
  done: { created: 'Polku luotiin.', saved: 'Polku tallennettiin.', removed: 'Polku poistettiin.', stageAdded: 'Vaihe lisättiin.', stageSaved: 'Vaihe tallennettiin.', stageMoved: 'Vaihe siirrettiin.', stageRemoved: 'Vaihe poistettiin.', touchpointAdded: 'Kosketuspiste lisättiin.', touchpointSaved: 'Kosketuspiste tallennettiin.', touchpointRemoved: 'Kosketuspiste poistettiin.' },
};

const whatSv = { journey: 'resan', stage: 'steget', touchpoint: 'kontaktpunkten' } as const;
const sv: JourneyEditorStrings = {
  section: ['Kundresor och kontaktpunkter', 'Kundresorna, deras steg i ordning och varje stegs kontaktpunkter, så som resekartan visar dem.'],
  caption: 'Kundresor', none: 'Det finns inga kundresor ännu. Skapa den första nedan.', persona: 'Persona', description: 'Beskrivning', stages: 'Steg', touchpoints: 'Kontaktpunkter',
  newJourney: 'Ny kundresa', create: 'Skapa kundresa', edit: (name) => `Kundresa: ${name}`, journeyDetails: 'Namn och persona', saveJourney: 'Spara kundresan',
  removeJourney: 'Ta bort kundresan', confirmRemoveJourney: (name) => `Ta bort kundresan ”${name}” med dess steg och kontaktpunkter? Det kan inte ångras.`,
  stagesHeading: 'Steg i ordning', noStages: 'Kundresan har inga steg ännu.', stageHeading: (p, name) => `${p}. ${name}`, stageName: 'Stegets namn', phase: 'Fas',
  saveStage: 'Spara steget', moveUp: 'Flytta upp', moveDown: 'Flytta ned', removeStage: 'Ta bort steget', confirmRemoveStage: (name) => `Ta bort steget ”${name}”?`,
  stageNotEmpty: 'Bara ett tomt steg kan tas bort: flytta eller ta bort dess kontaktpunkter först.',
  addStage: 'Lägg till ett steg', addStageSubmit: 'Lägg till steg',
  noTouchpoints: 'Inga kontaktpunkter i det här steget.', touchpointCaption: (stage) => `Kontaktpunkter i ${stage}`, channel: 'Kanal', ownerUnit: 'Ansvarig enhet', noOwner: 'Ingen ansvarig enhet', mode: 'Typ',
  modes: { active: 'Frågad (enkät)', passive: 'Observerad (händelser)' }, stage: 'Steg', editTouchpoint: 'Redigera', addTouchpoint: (stage) => `Lägg till en kontaktpunkt i ${stage}`, addTouchpointSubmit: 'Lägg till kontaktpunkt',
  touchpointTitle: (name) => `Kontaktpunkt: ${name}`, saveTouchpoint: 'Spara kontaktpunkten', removeTouchpoint: 'Ta bort kontaktpunkten', confirmRemoveTouchpoint: (name) => `Ta bort kontaktpunkten ”${name}”?`,
  stageHint: 'Välj ett annat steg för att flytta kontaktpunkten dit. Dess svar följer med.',
  hasResponses: (what) => `Det finns svar för ${whatSv[what]}, så den behålls: att ta bort den skulle förlora var svaren kom ifrån. Byt namn eller flytta den i stället.`,
  stillUsed: (what) => `${whatSv[what][0].toUpperCase()}${whatSv[what].slice(1)} används ännu av enkäter, utskicksregler eller andra inställningar, så den behålls. Ändra dem först.`,
  done: { created: 'Kundresan skapades.', saved: 'Kundresan sparades.', removed: 'Kundresan togs bort.', stageAdded: 'Steget lades till.', stageSaved: 'Steget sparades.', stageMoved: 'Steget flyttades.', stageRemoved: 'Steget togs bort.', touchpointAdded: 'Kontaktpunkten lades till.', touchpointSaved: 'Kontaktpunkten sparades.', touchpointRemoved: 'Kontaktpunkten togs bort.' },
};

const whatPl = { journey: 'ścieżki', stage: 'etapu', touchpoint: 'punktu styku' } as const;
const pl: JourneyEditorStrings = {
  section: ['Ścieżki i punkty styku', 'Ścieżki klienta, ich etapy w kolejności i punkty styku każdego etapu, tak jak pokazuje je mapa ścieżek.'],
  caption: 'Ścieżki', none: 'Nie ma jeszcze ścieżek. Utwórz pierwszą poniżej.', persona: 'Persona', description: 'Opis', stages: 'Etapy', touchpoints: 'Punkty styku',
  newJourney: 'Nowa ścieżka', create: 'Utwórz ścieżkę', edit: (name) => `Ścieżka: ${name}`, journeyDetails: 'Nazwa i persona', saveJourney: 'Zapisz ścieżkę',
  removeJourney: 'Usuń ścieżkę', confirmRemoveJourney: (name) => `Usunąć ścieżkę „${name}” z jej etapami i punktami styku? Tego nie można cofnąć.`,
  stagesHeading: 'Etapy w kolejności', noStages: 'Ta ścieżka nie ma jeszcze etapów.', stageHeading: (p, name) => `${p}. ${name}`, stageName: 'Nazwa etapu', phase: 'Faza',
  saveStage: 'Zapisz etap', moveUp: 'Przesuń w górę', moveDown: 'Przesuń w dół', removeStage: 'Usuń etap', confirmRemoveStage: (name) => `Usunąć etap „${name}”?`,
  stageNotEmpty: 'Można usunąć tylko pusty etap: najpierw przenieś lub usuń jego punkty styku.',
  addStage: 'Dodaj etap', addStageSubmit: 'Dodaj etap',
  noTouchpoints: 'Brak punktów styku w tym etapie.', touchpointCaption: (stage) => `Punkty styku etapu ${stage}`, channel: 'Kanał', ownerUnit: 'Jednostka odpowiedzialna', noOwner: 'Brak jednostki odpowiedzialnej', mode: 'Rodzaj',
  modes: { active: 'Pytany (ankieta)', passive: 'Obserwowany (zdarzenia)' }, stage: 'Etap', editTouchpoint: 'Edytuj', addTouchpoint: (stage) => `Dodaj punkt styku do etapu ${stage}`, addTouchpointSubmit: 'Dodaj punkt styku',
  touchpointTitle: (name) => `Punkt styku: ${name}`, saveTouchpoint: 'Zapisz punkt styku', removeTouchpoint: 'Usuń punkt styku', confirmRemoveTouchpoint: (name) => `Usunąć punkt styku „${name}”?`,
  stageHint: 'Wybierz inny etap, aby przenieść tam punkt styku. Jego odpowiedzi pozostają z nim.',
  hasResponses: (what) => `Istnieją odpowiedzi powiązane z tym elementem (${whatPl[what]}), więc pozostaje: usunięcie straciłoby informację, skąd pochodzą. Zmień nazwę lub przenieś go.`,
  stillUsed: (what) => `Ten element (${whatPl[what]}) jest nadal używany przez ankiety, reguły dystrybucji lub inne ustawienia, więc pozostaje. Najpierw je zmień.`,
  done: { created: 'Ścieżka została utworzona.', saved: 'Ścieżka została zapisana.', removed: 'Ścieżka została usunięta.', stageAdded: 'Etap został dodany.', stageSaved: 'Etap został zapisany.', stageMoved: 'Etap został przesunięty.', stageRemoved: 'Etap został usunięty.', touchpointAdded: 'Punkt styku został dodany.', touchpointSaved: 'Punkt styku został zapisany.', touchpointRemoved: 'Punkt styku został usunięty.' },
};

const texts: Record<UiLanguage, JourneyEditorStrings> = { fi, sv, en, pl };
export const journeyEditorText = (language: UiLanguage): JourneyEditorStrings => texts[language];
