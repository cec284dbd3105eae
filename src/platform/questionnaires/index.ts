// Questionnaires: the one engine for every form whose questions a module's users write — an
// event's application form and its feedback today, skills surveys, submissions and tests later.
// Questions of several kinds (vocab.ts) with choices, help, translations into the UI languages and
// conditions on an earlier answer (questions.ts); the zod schema of an answer set built from them,
// drafts and form values (answers.ts); file answers through platform/files' checks (files.ts);
// responses kept as drafts or submitted (responses.ts) and summed up (summary.ts); the answers as
// spreadsheet columns (export.ts); the builder's pages and actions (routes.tsx, actions.ts) and
// the answering form and answer list (views/). An owner is named by a type and an id; nothing here
// knows what it is. Tables: tables.ts, made by migration.ts.
export {
  addQuestion,
  deleteQuestion,
  loadQuestion,
  moveQuestion,
  type QuestionChange,
  type QuestionnaireOwner,
  updateQuestion,
} from './actions.ts';
export {
  type AnswerNaming,
  type Answers,
  type AnswerValue,
  answerFormValues,
  answerName,
  answersSchema,
  askedQuestions,
  checkAnswers,
  draftAnswers,
  type FileAnswer,
  fileAnswers,
  isFileAnswer,
  withFiles,
} from './answers.ts';
export { answerColumns, questionHeadings } from './export.ts';
export { type ReceivedFiles, receiveFiles } from './files.ts';
export {
  type Condition,
  ensureQuestionnaire,
  localised,
  type Question,
  type QuestionnaireOwnerRef,
  questionnaireIdOf,
  questionsOf,
} from './questions.ts';
export {
  answeredQuestions,
  hasResponded,
  type QuestionnaireResponse,
  type ResponseStatus,
  responseOf,
  responsesOf,
  saveResponse,
  setResponseStatus,
} from './responses.ts';
export { type BuilderPlace, type BuilderTarget, builderPages } from './routes.tsx';
export { inputOf, type QuestionInput, questionSchema } from './schemas.ts';
export { type QuestionnaireSummary, type QuestionSummary, summaryOf, TEXTS_SHOWN } from './summary.ts';
export { QuestionFields } from './views/answer-form.tsx';
export { AnswerList } from './views/answers.tsx';
export * from './vocab.ts';
