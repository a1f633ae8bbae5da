// The on-site screen's dialogs, loaded as one chunk after its first screen (pages/InspectionPage.tsx).
export { CheckDrawer } from './CheckDrawer';
export { CloseActivityModal } from './CloseActivityModal';
export { CorrectFindingModal } from './CorrectFindingModal';
