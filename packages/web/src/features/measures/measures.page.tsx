import { Route, Routes, useHref } from 'react-router';
import { NotFoundPage } from '../../shared/page-states';
import { MeasuresFormPage } from './measures-form.page';
import { MeasuresVersionPage } from './measures-version.page';
import { MeasuresVersionsPage } from './measures-versions.page';

/** 实施办法 (Art. 21–22), mounted by each tier app at `/measures/*`; the viewer's tier decides the form. */
export function MeasuresPage() {
  return (
    <Routes>
      <Route index element={<MeasuresVersionsPage />} />
      <Route path="new" element={<MeasuresFormPage />} />
      <Route path=":id" element={<MeasuresVersionPage />} />
      <Route path=":id/edit" element={<MeasuresFormPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

function NotFound() {
  return <NotFoundPage homeHref={useHref('/measures')} />;
}
