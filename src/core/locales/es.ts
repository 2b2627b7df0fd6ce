import type { UiStrings } from './en.js';

/** Spanish UI strings. Typed as complete so a missing key fails the build. */
export const es: UiStrings = {
  // Shared by every element (the base class)
  loading: 'Cargando la lección…',
  errorTitle: 'No se pudo mostrar esta lección',
  errorRetry: 'Reintentar',
  errorNotFound: 'No hay ninguna parte con el id "{id}" en esta lección',
  errorEmpty: 'Esta lección no tiene nada que mostrar aquí',
  errorNoSource: 'Falta la lección: indique src, la propiedad lesson o un script JSON en línea',
  storageFallback: 'Tu progreso no se puede guardar en este navegador; se conserva hasta que salgas de la página.',
  roleInstructor: 'Instructor',
  roleStudent: 'Estudiante',
  roleNarrator: 'Narrador',
  pros: 'Ventajas',
  cons: 'Desventajas',
  correct: 'Correcto',
  incorrect: 'No exactamente',
  check: 'Comprobar',
  showAnswer: 'Mostrar respuesta',
  retry: 'Intentar de nuevo',
  score: 'Puntuación: {score} de {max}',
  close: 'Cerrar',

  // <lesson-dialogue>

  // <lesson-pros-cons>
  prosConsPro: 'Ventaja',
  prosConsCon: 'Desventaja',
  prosConsNone: 'Ninguna',
  prosConsExplanation: 'Explicación',
  prosConsExamples: 'Ejemplos',
  prosConsAnalogies: 'Analogías',
  prosConsCompareTitle: 'Comparación: {subjects}',
  prosConsAspect: 'Aspecto',
  prosConsOtherPros: 'Otras ventajas',
  prosConsOtherCons: 'Otras desventajas',
  prosConsNotMentioned: 'Sin mención',
  prosConsMoreAbout: 'Más sobre {subject}',
  prosConsPracticeTitle: 'Clasifica: {subject}',
  prosConsInstructionsSides: 'Clasifica cada afirmación: ¿es una ventaja o una desventaja de {subject}?',
  prosConsInstructionsSubjects: 'Clasifica cada afirmación: ¿a cuál se refiere, {subjects}?',
  prosConsProgress: 'Afirmación {n} de {total}',
  prosConsIsPro: 'Es una ventaja de {subject}.',
  prosConsIsCon: 'Es una desventaja de {subject}.',
  prosConsNext: 'Siguiente afirmación',
  prosConsFinish: 'Ver tu puntuación',
  prosConsDone: 'Todo clasificado',
  prosConsReview: 'Tus respuestas',
  prosConsYourAnswer: 'Tu respuesta: {answer}',
  prosConsNothingToSort: 'No hay afirmaciones que clasificar.',
  prosConsRestarted: 'Barajado de nuevo. Afirmación 1 de {total}.',

  // <lesson-flashcards>

  // <lesson-mnemonic>

  // <lesson-term>, <lesson-glossary>

  // <lesson-view>
  viewSummaries: 'Resumen',
  viewDialogues: 'Diálogos',
  viewProsCons: 'Ventajas y desventajas',
  viewKeyConcepts: 'Conceptos clave',
  viewExamples: 'Ejemplos y aplicaciones',
  viewMemoryAids: 'Ayudas para la memoria',
  viewFlashcards: 'Tarjetas',
  viewGlossary: 'Glosario',
  viewLinks: 'Enlaces de referencia',
  viewSummaryLevel: 'Nivel del resumen',
  viewSummaryQuick: 'Rápido',
  viewSummaryStandard: 'Estándar',
  viewSummaryDetailed: 'Detallado',
  viewContents: 'Contenido',
  viewSectionDone: 'hecho',
  viewProgressLabel: 'Progreso de la lección',
  viewProgressText: '{percent}% completado ({done} de {total})',
  viewComplete: 'Lección completada. ¡Bien hecho!',
  viewSortIt: 'Clasifícalo: ¿ventaja o desventaja?',
};
